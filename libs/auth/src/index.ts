export * from './principal';
export * from './scope.policy';
export * from './token.service';
export * from './public.decorator';
export * from './internal-actor.decorator';
export * from './oidc-discovery';
export * from './service-credentials';
export * from './inbox-audience';

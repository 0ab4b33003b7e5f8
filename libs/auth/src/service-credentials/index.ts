export * from './service-keys';
export * from './issue-credential';
export * from './verify-credential';
export * from './credential-signer';
export * from './credential-verifier';
export * from './service-credential.guard';

import { DEV_TOKEN_SCHEMA, ROLES } from '../../auth';
import { ok } from '../answers';
import { ApiRoute } from '../route';
import { routesOf } from '../route-builders';
import { array, enumOf, forceCode, object, regionCode } from '../schema-builders';
import { str } from '../schema-scalars';

const { get, post } = routesOf('auth');

export const AUTH_ROUTES: ApiRoute[] = [
  post('/api/v1/auth/dev-token', 'Issue a development token (only with AUTH_MODE=dev)', {
    public: true,
    gatewayOnly: true,
    body: { schema: DEV_TOKEN_SCHEMA, name: 'DevTokenRequest' },
    responses: { 200: ok(object({ token: str })) },
  }),
  get(
    '/api/v1/auth/config',
    'How pages sign in: dev sign-in, or the OpenID provider for the authorization code flow with PKCE',
    {
      public: true,
      gatewayOnly: true,
      responses: {
        200: ok(
          object(
            {
              mode: enumOf(['dev', 'oidc']),
              issuer: str,
              authorizationEndpoint: str,
              tokenEndpoint: str,
              clientId: str,
            },
            { optional: ['issuer', 'authorizationEndpoint', 'tokenEndpoint', 'clientId'] },
          ),
        ),
      },
    },
  ),
  get('/api/v1/me', 'Who the token says you are, and the forces you may report for', {
    gatewayOnly: true,
    anyRole: true,
    responses: {
      200: ok(
        object(
          {
            sub: str,
            role: enumOf(ROLES),
            region: regionCode,
            force: forceCode,
            forces: array(forceCode),
          },
          { optional: ['region', 'force'] },
        ),
      ),
    },
  }),
];

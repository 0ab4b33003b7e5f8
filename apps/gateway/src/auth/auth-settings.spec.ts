import { generateServiceKeyPair } from '@intensify/auth';
import { loadGatewayEnv } from '../config';
import { BUILT_IN_DEV_SECRET } from './auth-settings';

// Every gateway signs its internal calls; the auth rules are judged beside a valid key.
const { signingKey } = generateServiceKeyPair();
const load = (env: NodeJS.ProcessEnv) =>
  loadGatewayEnv({ SERVICE_SIGNING_KEY: signingKey, ...env });

const OIDC = {
  AUTH_MODE: 'oidc',
  AUTH_ISSUER: 'https://login.example.police.uk',
  AUTH_AUDIENCE: 'intensify-api',
};

describe('gateway auth settings at start-up', () => {
  it('defaults to dev sign-in on loopback only for local development', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      const env = load({ NODE_ENV });
      expect([env.AUTH_MODE, env.HOST, env.AUTH_DEV_SECRET]).toEqual([
        'dev',
        '127.0.0.1',
        BUILT_IN_DEV_SECRET,
      ]);
    }
    expect(load({ NODE_ENV: 'production', ...OIDC, AUTH_MODE: undefined }).AUTH_MODE).toBe('oidc');
  });

  it('defaults to the provider in production, which then needs its issuer and audience', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(
      /AUTH_ISSUER is required with AUTH_MODE=oidc; AUTH_AUDIENCE is required/,
    );
  });

  it('refuses dev sign-in in production, naming the setting', () => {
    expect(() => load({ NODE_ENV: 'production', AUTH_MODE: 'dev' })).toThrow(
      /AUTH_MODE=dev is refused with NODE_ENV=production/,
    );
  });

  it('refuses dev sign-in on a gateway listening beyond loopback, naming HOST', () => {
    for (const HOST of ['0.0.0.0', '::', '10.1.2.3', 'gateway.internal'])
      expect(() => load({ AUTH_MODE: 'dev', HOST })).toThrow(
        new RegExp(`AUTH_MODE=dev is refused with HOST=${HOST}`),
      );
    for (const HOST of ['127.0.0.1', '127.0.1.1', '::1', 'localhost'])
      expect(load({ AUTH_MODE: 'dev', HOST }).HOST).toBe(HOST);
    expect(load({ ...OIDC, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('uses the built-in dev secret only in development, else asks for AUTH_DEV_SECRET', () => {
    expect(() => load({ NODE_ENV: 'production', AUTH_MODE: 'dev' })).toThrow(
      /AUTH_DEV_SECRET is required with AUTH_MODE=dev outside development/,
    );
    expect(load({ AUTH_DEV_SECRET: 'a-secret-of-our-own' }).AUTH_DEV_SECRET).toBe(
      'a-secret-of-our-own',
    );
    expect(load(OIDC).AUTH_DEV_SECRET).toBeUndefined();
  });

  it('pins the provider’s algorithms: RS256 unless configured, never none or a shared secret', () => {
    expect(load(OIDC).AUTH_ALGORITHMS).toEqual(['RS256']);
    expect(load({ ...OIDC, AUTH_ALGORITHMS: 'ES256, PS256' }).AUTH_ALGORITHMS).toEqual([
      'ES256',
      'PS256',
    ]);
    for (const AUTH_ALGORITHMS of ['none', 'HS256', 'RS256,none'])
      expect(() => load({ ...OIDC, AUTH_ALGORITHMS })).toThrow(/AUTH_ALGORITHMS must list/);
  });
});

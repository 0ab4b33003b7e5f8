import { waitFor } from '@intensify/testing';
import { startService } from './service-restarts';

/** The claims the test provider puts roles and scopes in, as the gateway is told to read them. */
export const OIDC_CLAIMS = {
  role: 'intensify_role',
  region: 'intensify_region',
  force: 'org_force',
};

/**
 * Starts a second gateway of this run (`as`, on `port`) that trusts `issuer` for `audience`,
 * with the pages' client id, and waits until it is healthy. Stop it with stopService(as).
 */
export async function startOidcGateway(
  as: string,
  port: number,
  { issuer, audience, clientId }: { issuer: string; audience: string; clientId: string },
): Promise<string> {
  const url = `http://127.0.0.1:${port}`;
  startService('gateway', as, {
    PORT: String(port),
    AUTH_MODE: 'oidc',
    AUTH_ISSUER: issuer,
    AUTH_AUDIENCE: audience,
    AUTH_CLIENT_ID: clientId,
    AUTH_CLAIM_ROLE: OIDC_CLAIMS.role,
    AUTH_CLAIM_REGION: OIDC_CLAIMS.region,
    AUTH_CLAIM_FORCE: OIDC_CLAIMS.force,
  });
  await waitFor(
    () =>
      fetch(`${url}/api/v1/health`).then(
        (r) => r.status,
        () => 0,
      ),
    (status) => status === 200,
    { timeoutMs: 90_000, intervalMs: 250, what: `the oidc gateway ${as} to be healthy` },
  );
  return url;
}

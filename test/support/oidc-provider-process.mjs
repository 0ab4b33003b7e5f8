// A real OpenID provider (oidc-provider) for the security and browser tests, as its own process
// because the library is ESM-only. It issues JWT access tokens by the client credentials grant
// with a resource indicator; each such test client stands for one user, whose claims go into its
// tokens. Page clients are public clients of the authorization code flow with PKCE: a user signs
// in on the provider's development pages (any login, any password) as one of the accounts.
//   OIDC_PORT          the loopback port to listen on
//   OIDC_KEYS          JSON array of private JWKs (with kid) the provider signs with
//   OIDC_CLIENTS       JSON array of { id, secret, claims, ttlSeconds? }
//   OIDC_PAGE_CLIENTS  JSON array of { id, origin, redirectUris, postLogoutRedirectUris, resource,
//                      ttlSeconds? }: the origin may call the token endpoint (CORS), and tokens
//                      are for `resource` without the page naming it
//   OIDC_ACCOUNTS      JSON object: login => the claims of that user's access tokens
// GET /test/jwks-hits answers how often the key set was fetched (to prove the gateway's limit).
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const keys = JSON.parse(process.env.OIDC_KEYS);
const clients = JSON.parse(process.env.OIDC_CLIENTS);
const pageClients = JSON.parse(process.env.OIDC_PAGE_CLIENTS ?? '[]');
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');
const byId = new Map([...clients, ...pageClients].map((c) => [c.id, c]));

const provider = new Provider(issuer, {
  jwks: { keys },
  cookies: { keys: ['test-only-cookie-key'] },
  ttl: { ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 600 },
  clients: [
    ...clients.map((c) => ({
      client_id: c.id,
      client_secret: c.secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    ...pageClients.map((c) => ({
      client_id: c.id,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      token_endpoint_auth_method: 'none',
    })),
  ],
  clientBasedCORS: (_ctx, origin, client) => byId.get(client.clientId)?.origin === origin,
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  features: {
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: (_ctx, client, oneOf) => byId.get(client.clientId)?.resource ?? oneOf,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource, client) => ({
        scope: 'api',
        audience: resource,
        accessTokenFormat: 'jwt',
        accessTokenTTL: byId.get(client.clientId).ttlSeconds ?? 600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  extraTokenClaims: (_ctx, token) =>
    token.accountId ? accounts[token.accountId] : byId.get(token.clientId)?.claims,
});

let jwksHits = 0;
provider.use(async (ctx, next) => {
  if (ctx.path === '/test/jwks-hits') {
    ctx.body = { hits: jwksHits };
    return;
  }
  if (ctx.path === '/jwks') jwksHits += 1;
  await next();
});

const server = provider.listen(port, '127.0.0.1', () => console.log(`oidc provider at ${issuer}`));
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => server.close(() => process.exit(0)));

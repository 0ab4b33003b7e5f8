import { join } from 'node:path';
import { Page } from 'playwright-core';
import { TokenService } from '@intensify/auth';
import { freePort } from '@intensify/testing';
import { BUILT_IN_DEV_SECRET } from '../../apps/gateway/src/auth/auth-settings';
import { useBrowserSessions } from '../support/browser';
import { OIDC_CLAIMS, startOidcGateway } from '../support/oidc-gateway';
import { providerKey, TestOidcProvider } from '../support/oidc-provider';
import { runEnv } from '../support/run-env';
import { createActiveWeek } from '../support/scenario';
import { stopService } from '../support/service-restarts';

const API = 'https://intensify.test/api';
const CLIENT_ID = 'intensify-pages';
const COORDINATOR = 'nw-coordinator';
const SESSION_ENDED = 'Your session ended; sign in again.';

/** Signs as the test gateway's dev sign-in does (the built-in secret of local runs). */
const devSigner = new TokenService({ mode: 'dev', devSecret: BUILT_IN_DEV_SECRET });

const storedToken = (page: Page) =>
  page.evaluate<string | null>("sessionStorage.getItem('intensify.token')");
const focusedId = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.id');

/**
 * The pages in real headless Chromium against a gateway in oidc mode and a real OpenID provider
 * on another origin: the authorization code flow with PKCE, signed in with the role the
 * provider's claims give, and an answer that does not match the tab's request refused.
 */
describe('pages signing in through an OpenID provider', () => {
  const browser = useBrowserSessions();
  let provider: TestOidcProvider;
  let gateway: string;
  let week: { id: string };
  let page: Page;

  beforeAll(async () => {
    const [providerPort, gatewayPort] = await Promise.all([freePort(), freePort()]);
    const origin = `http://127.0.0.1:${gatewayPort}`;
    provider = new TestOidcProvider(providerPort, [], join(runEnv().logDir, 'oidc-pages.log'), {
      clients: [
        {
          id: CLIENT_ID,
          origin,
          redirectUris: [`${origin}/auth/callback`],
          postLogoutRedirectUris: [`${origin}/auth/signed-out`],
          resource: API,
        },
      ],
      accounts: {
        [COORDINATOR]: { [OIDC_CLAIMS.role]: 'regional', [OIDC_CLAIMS.region]: 'north-west' },
      },
    });
    await provider.start(await providerKey('pages-key'));
    gateway = await startOidcGateway('gateway-oidc-pages', gatewayPort, {
      issuer: provider.issuer,
      audience: API,
      clientId: CLIENT_ID,
    });
    week = await createActiveWeek('Provider sign-in week');
  });

  afterAll(async () => {
    await stopService('gateway-oidc-pages', 'SIGTERM');
    await provider.stop();
  });

  beforeEach(() => {
    page = browser.page;
  });

  /** Starts the sign-in from the board with the keyboard; answers the authorization request. */
  async function startSignIn(): Promise<URL> {
    await page.goto(`${gateway}/board/${week.id}`);
    const button = page.getByRole('button', { name: 'Sign in' });
    await button.waitFor();
    expect(await page.locator('#sign-in-form').count()).toBe(0);
    const authorize = page.waitForRequest((r) => r.url().startsWith(`${provider.issuer}/auth?`));
    await button.focus();
    await page.keyboard.press('Enter');
    return new URL((await authorize).url());
  }

  /** Fills the provider's development login and consent pages. */
  async function signInAtProvider(login: string): Promise<void> {
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs in with the code flow and PKCE, back on the board with the role from the claims', async () => {
    const tokenRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url() === `${provider.issuer}/token`) tokenRequests.push(r.postData() ?? '');
    });
    const authorize = await startSignIn();
    const asked = Object.fromEntries(authorize.searchParams);
    expect(asked).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${gateway}/auth/callback`,
      code_challenge_method: 'S256',
    });
    expect(asked.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.state).not.toBe(asked.nonce);

    await signInAtProvider(COORDINATOR);
    // Back where the user started, with no code or state left in the address.
    await page.waitForURL(`${gateway}/board/${week.id}`);
    await page.locator('#stream-status[data-state=live]').waitFor();
    await page.locator('#map .cell').first().waitFor();
    expect(await page.locator('#who-name').textContent()).toBe(
      `${COORDINATOR} (regional coordinator, North West)`,
    );
    const exchange = new URLSearchParams(tokenRequests[0]);
    expect(tokenRequests).toHaveLength(1);
    expect(exchange.get('grant_type')).toBe('authorization_code');
    expect(exchange.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(exchange.has('client_secret')).toBe(false);
    const token = await storedToken(page);
    expect(token).toMatch(/^ey/);
    // Nothing of the sign-in outlives the tab: local storage holds only the board's record of
    // the figures last seen, and never the token.
    const kept: [string, string][] = await page.evaluate('Object.entries(localStorage)');
    expect(kept.filter(([key]) => !key.startsWith('intensify.board.seen.'))).toEqual([]);
    expect(kept.some(([, value]) => value.includes(String(token)))).toBe(false);

    // Signing out forgets the token and ends the provider's session too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${gateway}/auth/signed-out`);
    expect(await page.locator('#sign-in-status').textContent()).toBe('You have signed out.');
    expect(await page.getByRole('link', { name: 'Back to the page' }).getAttribute('href')).toBe(
      `/board/${week.id}`,
    );
    expect(await storedToken(page)).toBeNull();
  });

  it('refuses an answer whose state is not the one this tab sent, without using its code', async () => {
    await startSignIn();
    // The provider's answer is held back (the callback page's module does nothing the first
    // time), then delivered again with another state.
    const callbackModule = `${gateway}/auth/assets/callback.js`;
    await page.route(
      callbackModule,
      (route) => route.fulfill({ contentType: 'text/javascript', body: 'export {};' }),
      { times: 1 },
    );
    await signInAtProvider(COORDINATOR);
    await page.waitForURL((url) => url.searchParams.has('code'));
    const forged = new URL(page.url());
    expect(forged.pathname).toBe('/auth/callback');
    forged.searchParams.set('state', 'a-state-this-tab-never-sent');
    const tokenRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${provider.issuer}/token`)) tokenRequests.push(r.url());
    });

    await page.goto(forged.href);
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('was not for a sign-in from this tab');
    expect(page.url()).toBe(`${gateway}/auth/callback`);
    expect(await page.locator('#page-title').textContent()).toBe('Not signed in');
    expect(await focusedId(page)).toBe('return-link');
    expect(tokenRequests).toEqual([]);
    expect(await storedToken(page)).toBeNull();
  });
});

/**
 * The board signed in through the development sign-in with a token that ends within seconds:
 * when the stream says the token expired, the page asks to sign in again instead of retrying
 * with the expired token, and the same board carries on live once signed in.
 */
describe('a board whose sign-in ends (dev sign-in)', () => {
  const browser = useBrowserSessions();

  it('asks to sign in again when the stream’s token expires, then reopens the stream', async () => {
    const { page } = browser;
    const week = await createActiveWeek('Expiring sign-in week');
    const streams: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/board/stream?')) streams.push(r.url());
    });
    // The first sign-in gets a token that ends in 4 s, issued as the form asks for it.
    let expiring = '';
    await page.route(
      '**/api/v1/auth/dev-token',
      async (route) => {
        expiring = await devSigner.issueDevToken({ sub: 'commander-user', role: 'commander' }, 4);
        await route.fulfill({ json: { token: expiring } });
      },
      { times: 1 },
    );
    await page.goto(`/board/${week.id}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#stream-status[data-state=live]').waitFor();
    // Marks this document: a reload would lose it.
    await page.evaluate('window.__sameDocument = true');

    const alert = page.locator('#page-alert');
    await page.locator('#page-alert', { hasText: SESSION_ENDED }).waitFor({ timeout: 15_000 });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await page.locator('#stream-status').getAttribute('data-state')).toBe('paused');
    expect(await page.locator('#sign-in-form').isVisible()).toBe(true);
    expect(await focusedId(page)).toBe('sign-in-sub');
    expect(await storedToken(page)).toBeNull();
    // A reconnect loop would retry within a second; the expired token is never sent again.
    await page.waitForTimeout(3_000);
    expect(streams).toHaveLength(1);
    expect(streams[0]).toContain(expiring);

    await page.keyboard.press('Enter');
    await page.locator('#stream-status[data-state=live]').waitFor();
    expect(await page.locator('#workspace').isVisible()).toBe(true);
    expect(streams).toHaveLength(2);
    expect(streams[1]).not.toContain(expiring);
    expect(await alert.isHidden()).toBe(true);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });
});

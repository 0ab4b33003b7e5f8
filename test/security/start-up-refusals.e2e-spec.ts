import { gatewayExit } from '../support/gateway-refusal';

describe('the gateway refuses unsafe sign-in settings at start-up', () => {
  it('refuses dev sign-in on a gateway listening beyond loopback, naming HOST', async () => {
    const { code, output } = await gatewayExit({ AUTH_MODE: 'dev', HOST: '0.0.0.0' });
    expect(code).toBe(1);
    expect(output).toMatch(
      /gateway failed to start: .*AUTH_MODE=dev is refused with HOST=0\.0\.0\.0/,
    );
  });

  it('refuses dev sign-in with NODE_ENV=production, naming AUTH_MODE', async () => {
    const { code, output } = await gatewayExit({ AUTH_MODE: 'dev', NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/AUTH_MODE=dev is refused with NODE_ENV=production/);
  });

  it('refuses a production gateway without its provider, naming what is missing', async () => {
    const { code, output } = await gatewayExit({ AUTH_MODE: '', NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/AUTH_ISSUER is required with AUTH_MODE=oidc/);
    expect(output).not.toMatch(/Nest application successfully started/);
  });
});

import { pgClientConfig, pgSsl } from './pg-ssl';

describe('pgSsl', () => {
  it("leaves pg's defaults alone when no mode is set", () => {
    expect(pgSsl({})).toBeUndefined();
  });

  it('maps the modes as libpq does', () => {
    expect(pgSsl({ mode: 'disable' })).toBe(false);
    expect(pgSsl({ mode: 'require' })).toEqual({ rejectUnauthorized: false });
    expect(pgSsl({ mode: 'verify-full' })).toEqual({ rejectUnauthorized: true });
    expect(pgSsl({ mode: 'verify-full', ca: 'CA PEM' })).toEqual({
      rejectUnauthorized: true,
      ca: 'CA PEM',
    });
  });

  it('gives a pg Client its URL and TLS setting', () => {
    const url = 'postgres://app@db.example.com/intensify';
    expect(pgClientConfig(url, { mode: 'verify-full' })).toEqual({
      connectionString: url,
      ssl: { rejectUnauthorized: true },
    });
  });
});

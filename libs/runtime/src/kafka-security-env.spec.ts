import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKafkaSecurity } from './kafka-security-env';

const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const ca = file('ca.pem', 'CA PEM');
const cert = file('client.pem', 'CERT PEM');
const key = file('client.key', 'KEY PEM');
const scram = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'svc' };

describe('readKafkaSecurity', () => {
  it('is plaintext without SASL when nothing is set', () => {
    expect(readKafkaSecurity({})).toEqual({});
    expect(readKafkaSecurity({ KAFKA_SSL: 'false', KAFKA_SASL_MECHANISM: '' })).toEqual({});
  });

  it('reads TLS material from the files named', () => {
    expect(readKafkaSecurity({ KAFKA_SSL: 'true' })).toEqual({ tls: {} });
    expect(
      readKafkaSecurity({
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: ca,
        KAFKA_SSL_CERT_FILE: cert,
        KAFKA_SSL_KEY_FILE: key,
      }),
    ).toEqual({ tls: { ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM' } });
  });

  it('reads SASL credentials, the password also from a mounted file without its newline', () => {
    expect(readKafkaSecurity({ ...scram, KAFKA_SASL_PASSWORD: 'pw' })).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'svc', password: 'pw' },
    });
    const secret = file('password', 's3cret\n');
    const user = file('username', 'svc-from-file');
    expect(
      readKafkaSecurity({
        KAFKA_SASL_MECHANISM: 'scram-sha-256',
        KAFKA_SASL_USERNAME_FILE: user,
        KAFKA_SASL_PASSWORD_FILE: secret,
      }).sasl,
    ).toEqual({ mechanism: 'scram-sha-256', username: 'svc-from-file', password: 's3cret' });
  });

  it('accepts PLAIN only over TLS', () => {
    const plain = {
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'u',
      KAFKA_SASL_PASSWORD: 'p',
    };
    expect(() => readKafkaSecurity(plain)).toThrow(/KAFKA_SASL_MECHANISM=plain .* KAFKA_SSL=true/);
    expect(readKafkaSecurity({ ...plain, KAFKA_SSL: 'true' })).toEqual({
      tls: {},
      sasl: { mechanism: 'plain', username: 'u', password: 'p' },
    });
  });

  it.each([
    [{ KAFKA_SSL: 'yes' }, /KAFKA_SSL must be true or false, got "yes"/],
    [{ KAFKA_SASL_MECHANISM: 'gssapi' }, /KAFKA_SASL_MECHANISM must be one of scram-sha-256/],
    [
      { KAFKA_SASL_MECHANISM: 'scram-sha-256' },
      /KAFKA_SASL_USERNAME \(or KAFKA_SASL_USERNAME_FILE\) is required/,
    ],
    [{ ...scram }, /KAFKA_SASL_PASSWORD \(or KAFKA_SASL_PASSWORD_FILE\) is required/],
    [
      { ...scram, KAFKA_SASL_PASSWORD_FILE: join(dir, 'missing') },
      /KAFKA_SASL_PASSWORD_FILE names a file that cannot be read: .*missing \(ENOENT\)/,
    ],
    [
      { ...scram, KAFKA_SASL_PASSWORD: 'a', KAFKA_SASL_PASSWORD_FILE: key },
      /set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both/,
    ],
    [{ KAFKA_SASL_USERNAME: 'svc' }, /KAFKA_SASL_USERNAME is set but KAFKA_SASL_MECHANISM is not/],
    [{ KAFKA_SASL_PASSWORD: 'pw' }, /KAFKA_SASL_PASSWORD is set but KAFKA_SASL_MECHANISM is not/],
    [{ KAFKA_SSL_CA_FILE: ca }, /KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true/],
    [
      { KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: cert },
      /KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together/,
    ],
    [
      { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: join(dir, 'nope.pem') },
      /KAFKA_SSL_CA_FILE names a file that cannot be read/,
    ],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readKafkaSecurity(env)).toThrow(message);
  });

  it('names every fault at once', () => {
    expect(() =>
      readKafkaSecurity({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SSL_KEY_FILE: key }),
    ).toThrow(
      /^Invalid environment: KAFKA_SSL_KEY_FILE is set .*; KAFKA_SASL_USERNAME .*; KAFKA_SASL_PASSWORD /,
    );
  });
});

import { kafkaSecurityOptions } from './kafka-security';

describe('kafkaSecurityOptions', () => {
  it('adds nothing for a plaintext broker without SASL', () => {
    expect(kafkaSecurityOptions({})).toEqual({});
  });

  it("turns TLS on, trusting the system's authorities when no file was given", () => {
    expect(kafkaSecurityOptions({ tls: {} })).toEqual({ ssl: true });
  });

  it('passes a private authority and a client certificate for mutual TLS', () => {
    const tls = { ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM' };
    expect(kafkaSecurityOptions({ tls })).toEqual({ ssl: tls });
  });

  it('passes SCRAM credentials as kafkajs names them', () => {
    const sasl = { mechanism: 'scram-sha-256', username: 'svc', password: 'pw' } as const;
    expect(kafkaSecurityOptions({ tls: { ca: 'CA PEM' }, sasl })).toEqual({
      ssl: { ca: 'CA PEM' },
      sasl: { mechanism: 'scram-sha-256', username: 'svc', password: 'pw' },
    });
  });
});

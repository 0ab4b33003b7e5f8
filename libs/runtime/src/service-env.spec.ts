import { generateServiceKeyPair } from '@intensify/auth';
import { EnvError, int } from './env';
import { readServiceEnv } from './service-env';

const { verifyKey } = generateServiceKeyPair();
const own = { SAMPLE_WINDOW_MS: int(60_000, 1, 3_600_000) };

describe('readServiceEnv', () => {
  it("reads the common variables, the service's ports and its own, with their defaults", () => {
    const env = readServiceEnv('SAMPLE', 3199, own, { SERVICE_VERIFY_KEY: verifyKey });
    expect(env).toMatchObject({
      SAMPLE_PORT: 3199,
      SAMPLE_WINDOW_MS: 60_000,
      HOST: '127.0.0.1',
      KAFKA_TOPIC_PREFIX: 'intensify.',
    });
    expect(env.SAMPLE_METRICS_PORT).toBeUndefined();
  });

  it('takes the values set', () => {
    const env = readServiceEnv('SAMPLE', 3199, own, {
      SERVICE_VERIFY_KEY: verifyKey,
      SAMPLE_PORT: '4100',
      SAMPLE_METRICS_PORT: '0',
      SAMPLE_WINDOW_MS: '5',
    });
    expect(env).toMatchObject({ SAMPLE_PORT: 4100, SAMPLE_METRICS_PORT: 0, SAMPLE_WINDOW_MS: 5 });
  });

  it('names every bad variable, its own included', () => {
    const read = () =>
      readServiceEnv('SAMPLE', 3199, own, { SAMPLE_PORT: '70000', SAMPLE_WINDOW_MS: '0' });
    expect(read).toThrow(EnvError);
    expect(read).toThrow(/SAMPLE_PORT must be an integer from 1 to 65535, got "70000"/);
    expect(read).toThrow(/SERVICE_VERIFY_KEY is required/);
    expect(read).toThrow(/SAMPLE_WINDOW_MS must be an integer from 1 to 3600000, got "0"/);
  });
});

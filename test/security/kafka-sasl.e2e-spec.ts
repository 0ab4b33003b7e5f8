import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { createKafka } from '@intensify/messaging';
import { readKafkaSecurity } from '@intensify/runtime';
import { freePort, PlatformProcesses, waitFor } from '@intensify/testing';
import { runEnv } from '../support/run-env';
import { credentialFor } from '../support/internal-call';

const ROOT = join(__dirname, '..', '..');
/** The user `npm run stack -- up` gives the broker's SCRAM listener. */
const USER: { mechanism: string; username: string; password: string } = JSON.parse(
  readFileSync(join(ROOT, 'infra', 'kafka', 'local-scram-user.json'), 'utf8'),
);
const SASL_BROKERS =
  process.env.KAFKA_SASL_BROKERS ?? `127.0.0.1:${process.env.KAFKA_SASL_PORT ?? 9098}`;

/** The variables a deployment sets, so the test goes through the same reading as a service. */
function scramEnv(password: string): Record<string, string> {
  return {
    KAFKA_BROKERS: SASL_BROKERS,
    KAFKA_SASL_MECHANISM: USER.mechanism.toLowerCase(),
    KAFKA_SASL_USERNAME: USER.username,
    KAFKA_SASL_PASSWORD: password,
  };
}

const scramClient = (password: string): Kafka =>
  createKafka(SASL_BROKERS, 'sasl-test', readKafkaSecurity(scramEnv(password)));

function listening(address: string): Promise<boolean> {
  const [host, port] = address.split(',')[0].split(':');
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) });
    const done = (open: boolean) => (socket.destroy(), resolve(open));
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(async () => {
  if (!(await listening(SASL_BROKERS))) {
    throw new Error(
      `nothing listens on ${SASL_BROKERS}: the broker opens its SCRAM listener from its next ` +
        'start (npm run stack -- restart kafka, once no one else runs tests)',
    );
  }
});

describe('Kafka over SASL/SCRAM-SHA-256', () => {
  it('carries a message from a producer to a consumer built by the shared client factory', async () => {
    const { topicPrefix } = runEnv();
    const topic = `${topicPrefix}sasl-check`;
    const kafka = scramClient(USER.password);
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: `${topicPrefix}sasl-check` });
    const received: string[] = [];
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }] });
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'k', value: 'over SCRAM' }] });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => void received.push(String(message.value)),
      });
      await waitFor(
        async () => received,
        (r) => r.length > 0,
        { timeoutMs: 30_000, what: 'the message to come back over SCRAM' },
      );
      expect(received).toEqual(['over SCRAM']);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('refuses a wrong password', async () => {
    const admin = scramClient(`${USER.password}-wrong`).admin();
    try {
      await expect(admin.connect()).rejects.toMatchObject({
        name: 'KafkaJSSASLAuthenticationError',
        message: expect.stringMatching(/SCRAM SHA256 authentication failed.*invalid credentials/),
      });
    } finally {
      await admin.disconnect();
    }
  });

  it('serves a service started with the SCRAM settings, which becomes healthy', async () => {
    const run = runEnv();
    const port = await freePort();
    // Beside the run's own reporting, which holds the metrics port: no metrics listener.
    const env = {
      ...run.platformEnv,
      ...scramEnv(USER.password),
      REPORTING_PORT: String(port),
      REPORTING_METRICS_PORT: '0',
    };
    const reporting = new PlatformProcesses(ROOT, env, run.logDir).start(
      'reporting',
      'reporting-scram',
    );
    try {
      const health = await waitFor(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/internal/health`, {
            headers: { authorization: `Bearer ${await credentialFor('reporting')}` },
          });
          return { status: res.status, body: await res.json() };
        },
        (h) => h.status === 200,
        { timeoutMs: 90_000, intervalMs: 250, what: 'reporting over SCRAM to be healthy' },
      );
      expect(health.body).toMatchObject({ status: 'ok' });
    } finally {
      reporting.kill('SIGTERM');
      await exited(reporting);
    }
  });

  it('refuses to start a service given a mechanism without a username, naming the variable', async () => {
    const run = runEnv();
    const env = {
      ...run.platformEnv,
      KAFKA_BROKERS: SASL_BROKERS,
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_PASSWORD: USER.password,
      REPORTING_PORT: String(await freePort()),
    };
    const reporting = new PlatformProcesses(ROOT, env, run.logDir).start(
      'reporting',
      'reporting-no-user',
    );
    let log = '';
    reporting.stdout!.on('data', (chunk) => (log += chunk));
    reporting.stderr!.on('data', (chunk) => (log += chunk));
    expect(await exited(reporting)).not.toBe(0);
    expect(log).toContain('KAFKA_SASL_USERNAME (or KAFKA_SASL_USERNAME_FILE) is required');
  });
});

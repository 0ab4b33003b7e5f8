import { Kafka } from 'kafkajs';
import { ensureTopics, replicationFor } from './topics';

describe('replicationFor', () => {
  it('keeps three copies, two in sync, on a cluster of three or more brokers', () => {
    expect(replicationFor(3)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(replicationFor(5)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
  });

  it('keeps what a smaller cluster can, and lets one copy take a write', () => {
    expect(replicationFor(1)).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(replicationFor(2)).toEqual({ replicationFactor: 2, minInsyncReplicas: 1 });
  });
});

describe('ensureTopics', () => {
  const spec = { name: 't.outcomes.v1', partitions: 6, retentionMs: -1 };
  /** An admin whose createTopics fails with `errors` in turn, then succeeds. */
  function kafkaFailing(errors: object[]) {
    const calls = { create: 0 };
    const admin = {
      connect: async () => undefined,
      disconnect: async () => undefined,
      listTopics: async () => [],
      describeCluster: async () => ({ brokers: [{}, {}, {}] }),
      createTopics: async () => {
        calls.create++;
        const e = errors.shift();
        if (e) throw Object.assign(new Error('kafka said no'), e);
        return true;
      },
    };
    return { kafka: { admin: () => admin } as unknown as Kafka, calls };
  }

  it('asks again while a fresh cluster answers with a retriable error', async () => {
    const { kafka, calls } = kafkaFailing([
      { retriable: true, type: 'UNKNOWN_TOPIC_OR_PARTITION' },
      { retriable: true, type: 'LEADER_NOT_AVAILABLE' },
    ]);
    await ensureTopics(kafka, [spec], 5, 1);
    expect(calls.create).toBe(3);
  });

  it('gives up after its attempts, and at once on an error that is not retriable', async () => {
    const retriable = { retriable: true, type: 'UNKNOWN_TOPIC_OR_PARTITION' };
    const stubborn = kafkaFailing([retriable, retriable, retriable]);
    await expect(ensureTopics(stubborn.kafka, [spec], 3, 1)).rejects.toThrow('kafka said no');
    expect(stubborn.calls.create).toBe(3);

    const refused = kafkaFailing([{ retriable: false, type: 'TOPIC_AUTHORIZATION_FAILED' }]);
    await expect(ensureTopics(refused.kafka, [spec], 3, 1)).rejects.toThrow('kafka said no');
    expect(refused.calls.create).toBe(1);
  });

  it('takes a topic another service created a moment earlier as made', async () => {
    const { kafka, calls } = kafkaFailing([{ retriable: false, type: 'TOPIC_ALREADY_EXISTS' }]);
    await ensureTopics(kafka, [spec], 3, 1);
    expect(calls.create).toBe(1);
  });
});

import { EventEmitter } from 'node:events';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TransactionalConsumer } from './transactional-consumer';

const EVENTS = { GROUP_JOIN: 'join', CRASH: 'crash', STOP: 'stop' };

/** A kafkajs consumer stand-in: records its calls and lets the test raise its events. */
class FakeConsumer extends EventEmitter {
  events = EVENTS;
  connected = false;
  running = false;
  async connect() {
    this.connected = true;
  }
  async subscribe() {}
  async run() {
    this.running = true;
  }
  async disconnect() {
    this.connected = false;
    this.running = false;
  }
  crash(restart: boolean) {
    this.emit(EVENTS.CRASH, { payload: { restart, error: new Error('no coordinator') } });
  }
}

function consumerWith(made: FakeConsumer[]) {
  const kafka = {
    consumer: () => {
      const c = new FakeConsumer();
      made.push(c);
      return c;
    },
  } as unknown as Kafka;
  return new TransactionalConsumer({
    kafka,
    dataSource: {} as DataSource,
    schema: 's',
    groupId: 'g',
    topics: ['t'],
    deadLetterTopic: 'dl',
    producer: {} as never,
    apply: async () => undefined,
  });
}

describe('TransactionalConsumer after a crash', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('starts a new member when kafkajs gives up on a non-retriable error', async () => {
    const made: FakeConsumer[] = [];
    const consumer = consumerWith(made);
    await consumer.start();
    made[0].crash(false);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(made).toHaveLength(2);
    expect(made[0].connected).toBe(false);
    expect(made[1].running).toBe(true);
    await consumer.stop();
  });

  it('leaves restarting to kafkajs when it says it restarts', async () => {
    const made: FakeConsumer[] = [];
    const consumer = consumerWith(made);
    await consumer.start();
    made[0].crash(true);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(made).toHaveLength(1);
    await consumer.stop();
  });

  it('does not come back once stopped', async () => {
    const made: FakeConsumer[] = [];
    const consumer = consumerWith(made);
    await consumer.start();
    made[0].crash(false);
    await consumer.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(made).toHaveLength(1);
  });
});

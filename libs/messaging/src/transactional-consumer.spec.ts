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
  return new TransactionalConsumer(optionsWith(kafka));
}

function optionsWith(kafka: Kafka) {
  return {
    kafka,
    dataSource: {} as DataSource,
    schema: 's',
    groupId: 'g',
    topics: ['t'],
    deadLetterTopic: 'dl',
    producer: {} as never,
    apply: async () => undefined,
  };
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

/** A DataSource stand-in that records statements outside and inside transactions. */
function recordingDb() {
  const outside: string[] = [];
  const transactions: string[][] = [];
  const db = {
    query: async (sql: string) => {
      outside.push(sql);
      return [];
    },
    transaction: async (work: (m: unknown) => Promise<void>) => {
      const statements: string[] = [];
      transactions.push(statements);
      await work({
        query: async (sql: string) => {
          statements.push(sql);
          return sql.includes('RETURNING next_offset') ? [{ next_offset: '0' }] : [];
        },
      });
    },
  };
  return { db: db as unknown as DataSource, outside, transactions };
}

const eventMessage = (offset: number, type: string) => ({
  offset: String(offset),
  key: null,
  value: Buffer.from(
    JSON.stringify({
      id: `00000000-0000-4000-8000-${String(offset).padStart(12, '0')}`,
      type,
      version: 1,
    }),
  ),
});

describe('TransactionalConsumer passing over events it is not concerned with', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function concernedWith(type: string) {
    const { db, outside, transactions } = recordingDb();
    const applied: unknown[][] = [];
    const consumer = new TransactionalConsumer({
      kafka: {} as Kafka,
      dataSource: db,
      schema: 's',
      groupId: 'g',
      topics: ['t'],
      deadLetterTopic: 'dl',
      producer: { send: async () => undefined } as never,
      apply: async (_m, events) => void applied.push(events),
      concerns: (e) => e.type === type,
    });
    const handle = (messages: ReturnType<typeof eventMessage>[]) =>
      (consumer as unknown as { handle: (...a: unknown[]) => Promise<void> }).handle(
        't',
        0,
        messages,
      );
    return { consumer, handle, outside, transactions, applied };
  }

  it('opens no transaction for a batch of other events and stores its offset, never backwards', async () => {
    const c = concernedWith('line.closed');
    await c.handle([eventMessage(0, 'outcome.recorded'), eventMessage(1, 'outcome.recorded')]);
    expect(c.transactions).toHaveLength(0);
    expect(c.applied).toHaveLength(0);
    expect(c.outside).toHaveLength(1);
    expect(c.outside[0]).toMatch(/GREATEST\(o\.next_offset, EXCLUDED\.next_offset\)/);
  });

  it('stores the offset of later passed batches once more after the catch-up interval', async () => {
    const c = concernedWith('line.closed');
    await c.handle([eventMessage(0, 'outcome.recorded')]);
    await c.handle([eventMessage(1, 'outcome.recorded')]);
    await c.handle([eventMessage(2, 'outcome.recorded')]);
    expect(c.outside).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(c.outside).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(c.outside).toHaveLength(2);
    await c.consumer.stop();
  });

  it('applies a batch holding one concerned event in a transaction with its offset', async () => {
    const c = concernedWith('line.closed');
    await c.handle([eventMessage(0, 'outcome.recorded'), eventMessage(1, 'line.closed')]);
    expect(c.transactions).toHaveLength(1);
    expect(c.transactions[0].some((sql) => sql.includes('UPDATE'))).toBe(true);
  });
});

describe('TransactionalConsumer fetch sizes', () => {
  it("asks kafkajs for the group's fetch sizes, and leaves its defaults otherwise", async () => {
    const configs: Record<string, unknown>[] = [];
    const kafka = {
      consumer: (config: Record<string, unknown>) => {
        configs.push(config);
        return new FakeConsumer();
      },
    } as unknown as Kafka;
    const options = optionsWith(kafka);
    const larger = new TransactionalConsumer({
      ...options,
      fetch: { maxBytes: 16 << 20, maxBytesPerPartition: 2 << 20 },
    });
    const plain = new TransactionalConsumer(options);
    await larger.start();
    await plain.start();
    expect(configs[0]).toMatchObject({ maxBytes: 16 << 20, maxBytesPerPartition: 2 << 20 });
    expect(configs[1]).not.toHaveProperty('maxBytes');
    expect(configs[1]).not.toHaveProperty('maxBytesPerPartition');
    await larger.stop();
    await plain.stop();
  });
});

import { Logger } from '@nestjs/common';
import { ChangeFanOut } from './change-fan-out';

describe('first reads of a fan-out', () => {
  let fanOut: ChangeFanOut<{ n: number }>;
  let reads: { id: string; resolve: (v: { n: number }) => void }[];

  beforeEach(() => {
    reads = [];
    fanOut = new ChangeFanOut({
      // Never connected: these tests only read.
      redisUrl: 'redis://127.0.0.1:1',
      channel: 'changes',
      intervalMs: 100,
      read: (id) => new Promise((resolve) => reads.push({ id, resolve })),
      logger: { warn: () => {} } as unknown as Logger,
    });
  });
  afterEach(() => fanOut.stop());

  it('joins a read in flight for the same id instead of repeating it', async () => {
    const first = fanOut.read('a');
    const second = fanOut.read('a');
    const other = fanOut.read('b');
    expect(reads.map((r) => r.id)).toEqual(['a', 'b']);
    reads[0].resolve({ n: 1 });
    reads[1].resolve({ n: 2 });
    expect(await first).toBe(await second);
    expect(await other).toEqual({ n: 2 });
  });

  it('reads again once the earlier read has returned', async () => {
    const first = fanOut.read('a');
    reads[0].resolve({ n: 1 });
    await first;
    const next = fanOut.read('a');
    expect(reads).toHaveLength(2);
    reads[1].resolve({ n: 2 });
    expect(await next).toEqual({ n: 2 });
  });

  it('lets a failed read fail its callers and the next caller read afresh', async () => {
    const failing = new ChangeFanOut<number>({
      redisUrl: 'redis://127.0.0.1:1',
      channel: 'changes',
      intervalMs: 100,
      read: jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(3),
      logger: { warn: () => {} } as unknown as Logger,
    });
    try {
      await expect(failing.read('a')).rejects.toThrow('down');
      await expect(failing.read('a')).resolves.toBe(3);
    } finally {
      failing.stop();
    }
  });
});

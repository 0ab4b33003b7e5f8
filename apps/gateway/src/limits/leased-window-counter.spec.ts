import { LeasedWindowCounter, TakeLease } from './leased-window-counter';

/** Redis' side in memory: fixed windows opened by the first lease, expiring with their key. */
class FakeStore {
  readonly windows = new Map<string, { count: number; endsAt: number }>();
  calls = 0;
  down = false;

  constructor(
    private readonly clock: { now: number },
    private readonly windowMs: number,
  ) {}

  readonly take: TakeLease = async (key, points) => {
    this.calls += 1;
    if (this.down) throw new Error('Connection is closed.');
    let w = this.windows.get(key);
    if (!w || w.endsAt <= this.clock.now) {
      w = { count: 0, endsAt: this.clock.now + this.windowMs };
      this.windows.set(key, w);
    }
    w.count += points;
    return { total: w.count, msLeft: w.endsAt - this.clock.now };
  };
}

function setUp(limit: number, instances = 1, windowMs = 60_000) {
  const clock = { now: 1_000_000 };
  const store = new FakeStore(clock, windowMs);
  const counters = Array.from(
    { length: instances },
    () => new LeasedWindowCounter(limit, store.take, () => clock.now),
  );
  return { clock, store, counters };
}

async function allowedOf(counters: LeasedWindowCounter[], requests: number, key = 'u1') {
  let allowed = 0;
  for (let i = 0; i < requests; i++)
    if ((await counters[i % counters.length].consume(key)).allowed) allowed += 1;
  return allowed;
}

describe('LeasedWindowCounter', () => {
  it('is exact below 100 a window, across instances taking turns', async () => {
    const { counters, store } = setUp(20, 2);
    expect(counters[0].block).toBe(1);
    expect(await allowedOf(counters, 26)).toBe(20);
    // The instance that granted the 20th knows; the other learns with one refused lease.
    expect(store.windows.get('u1')!.count).toBe(21);
    const refused = await counters[1].consume('u1');
    expect(refused).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect((await counters[0].consume('someone else')).allowed).toBe(true);
  });

  it('asks the store once per block of 1 % of the limit', async () => {
    const { counters, store } = setUp(10_000);
    expect(counters[0].block).toBe(100);
    expect(await allowedOf(counters, 10_000)).toBe(10_000);
    expect(store.calls).toBe(100);
    expect((await counters[0].consume('u1')).allowed).toBe(false);
  });

  it('never lets more than the limit through across instances, and loses at most their blocks', async () => {
    const { counters } = setUp(1_000, 3);
    const allowed = await allowedOf(counters, 3_000);
    expect(allowed).toBeLessThanOrEqual(1_000);
    expect(allowed).toBeGreaterThanOrEqual(1_000 - 2 * counters[0].block);
  });

  it('grants the last part of a block when the window has less left than a block', async () => {
    const { counters, store } = setUp(250, 2);
    expect(counters[0].block).toBe(2);
    await store.take('u1', 249); // another instance took almost all of it
    expect((await counters[0].consume('u1')).allowed).toBe(true);
    expect((await counters[0].consume('u1')).allowed).toBe(false);
    expect((await counters[1].consume('u1')).allowed).toBe(false);
  });

  it('answers refusals locally once the window is spent, with the time until it ends', async () => {
    const { counters, store, clock } = setUp(5);
    expect(await allowedOf(counters, 5)).toBe(5);
    const calls = store.calls;
    clock.now += 20_000;
    for (let i = 0; i < 100; i++)
      expect(await counters[0].consume('u1')).toEqual({ allowed: false, retryAfterMs: 40_000 });
    // The lease that granted the last request already knew the window was spent.
    expect(store.calls).toBe(calls);
  });

  it('starts afresh when the window ends, and lends nothing of an ended window', async () => {
    const { counters, clock } = setUp(300);
    expect(await allowedOf(counters, 1)).toBe(1); // a block of 3 held, 2 left
    clock.now += 60_000;
    expect(await allowedOf(counters, 300)).toBe(300);
    expect((await counters[0].consume('u1')).allowed).toBe(false);
    clock.now += 60_000;
    expect((await counters[0].consume('u1')).allowed).toBe(true);
  });

  it('takes one lease for a burst arriving together', async () => {
    const { counters, store } = setUp(10_000);
    const verdicts = await Promise.all(Array.from({ length: 50 }, () => counters[0].consume('u1')));
    expect(verdicts.every((v) => v.allowed)).toBe(true);
    expect(store.calls).toBe(1);
  });

  it('rejects while the store cannot be asked, and counts again once it can', async () => {
    const { counters, store } = setUp(10);
    store.down = true;
    await expect(counters[0].consume('u1')).rejects.toThrow(/closed/);
    store.down = false;
    expect(await allowedOf(counters, 11)).toBe(10);
  });

  it('forgets callers whose windows have ended', async () => {
    const { counters, clock } = setUp(100);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 1_500; i++) await counters[0].consume(`addr-${round}-${i}`);
      clock.now += 60_000;
    }
    expect(counters[0].size).toBeLessThanOrEqual(3_000);
  });
});

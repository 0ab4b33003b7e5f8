import { ProblemError } from '@intensify/problems';
import { RenderSlots } from './render-slots';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('render slots', () => {
  it('runs at most the given number at once, then the waiters in order', async () => {
    const slots = new RenderSlots(2, 5);
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        await g.opened;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(slots.busy).toEqual({ running: 2, waiting: 1 });
    gates[1].open();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(slots.busy).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with a 503 problem once the queue is full, and frees slots after failures', async () => {
    const slots = new RenderSlots(1, 1);
    const g = gate();
    const first = slots.run(() => g.opened);
    const second = slots.run(async () => 'second');
    await expect(slots.run(async () => 'third')).rejects.toBeInstanceOf(ProblemError);
    g.open();
    await first;
    expect(await second).toBe('second');
    await expect(slots.run(() => Promise.reject(new Error('render failed')))).rejects.toThrow(
      'render failed',
    );
    expect(slots.busy).toEqual({ running: 0, waiting: 0 });
  });
});

/**
 * Runs at most `concurrent` tasks at once; the rest wait their turn in arrival order, and with
 * `maxWaiting` a task beyond that many waiting is refused with `whenFull`'s error rather than
 * queued without end. (p-limit would do the first part, but its current releases are ES modules
 * only and the services are built as CommonJS.)
 */
export class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrent: number,
    private readonly full: {
      maxWaiting: number;
      whenFull: (busy: { running: number; waiting: number }) => Error;
    } = { maxWaiting: Infinity, whenFull: () => new Error('no turn left') },
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrent) {
      if (this.waiting.length >= this.full.maxWaiting) throw this.full.whenFull(this.busy);
      await new Promise<void>((resume) => this.waiting.push(resume));
    } else this.running++;
    try {
      return await task();
    } finally {
      // Hand the turn straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get busy(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

import { ProblemError } from '@intensify/problems';

/**
 * Bounds the PDF renders running at once (each holds a Chromium page and its memory) and how
 * many may wait; beyond that a caller gets 503 at once rather than queueing without end.
 */
export class RenderSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrent: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrent) {
      if (this.waiting.length >= this.maxWaiting)
        throw new ProblemError(
          'service_unavailable',
          `${this.running} summaries are being rendered and ${this.waiting.length} wait; try again shortly`,
        );
      await new Promise<void>((resume) => this.waiting.push(resume));
    } else this.running++;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get busy(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

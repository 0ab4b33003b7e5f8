import { ProblemError } from '@intensify/problems';
import { Turns } from '@intensify/runtime';

/**
 * Bounds the PDF renders running at once (each holds a Chromium page and its memory) and how
 * many may wait; beyond that a caller gets 503 at once rather than queueing without end.
 */
export class RenderSlots extends Turns {
  constructor(concurrent: number, maxWaiting: number) {
    super(concurrent, {
      maxWaiting,
      whenFull: ({ running, waiting }) =>
        new ProblemError(
          'service_unavailable',
          `${running} summaries are being rendered and ${waiting} wait; try again shortly`,
        ),
    });
  }
}

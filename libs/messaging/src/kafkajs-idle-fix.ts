/**
 * kafkajs 2.2.4 (its last release) re-arms a 1 ms timer for ever on every connection with no
 * request waiting: `scheduleCheckPendingRequests` computes a negative delay when nothing is
 * throttled and schedules itself again from the check it schedules (tulios/kafkajs#1556, #1704;
 * the fix of PR #1667 was never released). Each service kept several connections spinning, a few
 * per cent of a core at rest. This applies that fix: with nothing pending and no throttle there
 * is nothing to check, and a request that comes later schedules its own check when queued.
 *
 * It also looks for timed-out requests every 5 s instead of every 100 ms: requests time out
 * after 30 s or more (a fetch after that plus its wait), so one is noticed at most 5 s late, and
 * ten wake-ups a second per idle connection were most of what was left of a service's CPU at
 * rest (each wake-up of an idle process costs about 50 µs of CPU on this kind of machine).
 */
interface RequestQueueLike {
  pending: unknown[];
  inflight: Map<number, { sentAt: number; requestTimeout: number; timeoutRequest(): void }>;
  throttledUntil: number;
  enforceRequestTimeout: boolean;
  requestTimeoutIntervalId?: NodeJS.Timeout;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  isConnected(): boolean;
  destroy(): void;
}

/** How often a connection looks for requests past their timeout. */
export const TIMEOUT_CHECK_MS = 5_000;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as {
  prototype: RequestQueueLike & { idleFixApplied?: boolean };
};

export function applyKafkajsIdleFix(): void {
  const proto = RequestQueue.prototype;
  if (proto.idleFixApplied) return;
  const schedule = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function (this: RequestQueueLike) {
    if (this.pending.length === 0 && this.throttledUntil - Date.now() <= 0) return;
    schedule.call(this);
  };
  // kafkajs' own body, at TIMEOUT_CHECK_MS instead of min(requestTimeout, 100) ms.
  proto.scheduleRequestTimeoutCheck = function (this: RequestQueueLike) {
    if (!this.enforceRequestTimeout) return;
    this.destroy();
    this.requestTimeoutIntervalId = setInterval(() => {
      this.inflight.forEach((request) => {
        if (Date.now() - request.sentAt > request.requestTimeout) request.timeoutRequest();
      });
      if (!this.isConnected()) this.destroy();
    }, TIMEOUT_CHECK_MS);
  };
  proto.idleFixApplied = true;
}

applyKafkajsIdleFix();

import { TIMEOUT_CHECK_MS } from './kafkajs-idle-fix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');

/** A request queue as kafkajs builds it, without a socket: only its scheduling is used. */
function queue() {
  return new RequestQueue({
    instrumentationEmitter: { emit: () => undefined },
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: 'test:9092',
    logger: { namespace: () => ({ debug() {}, info() {}, warn() {}, error() {} }) },
    isConnected: () => true,
  });
}

describe('kafkajs idle fix', () => {
  it('arms no timer when nothing waits and nothing is throttled (kafkajs 2.2.4 armed a 1 ms one for ever)', () => {
    const q = queue();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId ?? null).toBeNull();
  });

  it('still schedules a check for a request that waits', () => {
    const q = queue();
    q.pending.push({});
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeTruthy();
    clearTimeout(q.throttleCheckTimeoutId);
  });
});

describe('kafkajs request timeouts', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('times out a request past its timeout, looking every TIMEOUT_CHECK_MS', () => {
    const q = queue();
    q.enforceRequestTimeout = true;
    const timeoutRequest = jest.fn();
    q.inflight.set(1, {
      sentAt: Date.now(),
      requestTimeout: TIMEOUT_CHECK_MS * 1.5,
      timeoutRequest,
    });
    q.scheduleRequestTimeoutCheck();
    jest.advanceTimersByTime(TIMEOUT_CHECK_MS);
    expect(timeoutRequest).not.toHaveBeenCalled();
    jest.advanceTimersByTime(TIMEOUT_CHECK_MS);
    expect(timeoutRequest).toHaveBeenCalledTimes(1);
    q.destroy();
  });
});

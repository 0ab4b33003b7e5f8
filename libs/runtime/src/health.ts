export interface CheckResult {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, CheckResult>;
}

export type Check = () => Promise<Omit<CheckResult, 'status'> | void>;

/**
 * Runs every check at once, each bounded in time: a check that throws or hangs is `down`
 * with its reason, and any `down` makes the whole report `error` (HTTP 503).
 */
export async function runChecks(
  checks: Record<string, Check>,
  timeoutMs = 2000,
): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => {
      try {
        const detail = await withTimeout(check(), timeoutMs);
        return [name, { status: 'up', ...(detail ?? {}) }];
      } catch (e) {
        return [name, { status: 'down', error: (e as Error).message }];
      }
    }),
  );
  const results = Object.fromEntries(entries);
  return { status: entries.every(([, r]) => r.status === 'up') ? 'ok' : 'error', checks: results };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

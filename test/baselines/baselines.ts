import { waitFor } from '@intensify/testing';
import { api, tokenFor, Who } from '../support/api';

export const WEST_MIDLANDS = 'E23000014';
export const STAFFORDSHIRE = 'E23000015';

export async function putBaseline(who: Who, force: string, isoWeek: string, figures: object) {
  return api('PUT', `/api/v1/forces/${force}/baselines/${isoWeek}`, {
    token: await tokenFor(who),
    body: figures,
  });
}

export async function importBaselines(who: Who, csv: string) {
  return api('POST', '/api/v1/baselines/import', {
    token: await tokenFor(who),
    raw: csv,
    headers: { 'content-type': 'text/csv' },
  });
}

export async function gamingCheck(who: Who, operationId: string) {
  return api('GET', `/api/v1/operations/${operationId}/gaming-check`, {
    token: await tokenFor(who),
  });
}

/** The check once the projection holds what `ready` waits for. */
export async function gamingCheckWhen(
  operationId: string,
  ready: (forces: Map<string, any>) => boolean,
) {
  return waitFor(
    () => gamingCheck({ role: 'nclcc' }, operationId),
    (res) => res.status === 200 && ready(new Map(res.body.forces.map((f: any) => [f.force, f]))),
    { timeoutMs: 20_000, what: `gaming check of ${operationId}` },
  );
}

/** (baseline − recent) / baseline as a percentage to one decimal, as the contract promises. */
export function dropPercent(baseline: number[], recent: number[]): number {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.round(((mean(baseline) - mean(recent)) / mean(baseline)) * 1000) / 10;
}

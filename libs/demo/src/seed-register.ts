import { DemoClient, Identity } from './demo-client';
import { DemoLine, monthlyReturns } from './register';

export interface SeededRegister {
  forces: number;
  /** Returns the platform had already taken for that force and month (nothing changed). */
  replayed: number;
  counts: { new: number; updated: number; unchanged: number; rejected: number };
}

/** Every exporting force uploads its monthly return, as its own force user would. */
export async function seedRegister(
  client: DemoClient,
  register: readonly DemoLine[],
  month: string,
  onForce: (done: number, of: number) => void = () => {},
): Promise<SeededRegister> {
  const returns = [...monthlyReturns(register)];
  const counts = { new: 0, updated: 0, unchanged: 0, rejected: 0 };
  let replayed = 0;
  for (const [i, [force, csv]] of returns.entries()) {
    const who: Identity = { sub: `demo-${force.toLowerCase()}-intelligence`, role: 'force', force };
    const report = await client.as<{ counts: typeof counts; replayed: boolean }>(
      who,
      'POST',
      `/api/v1/forces/${force}/returns/${month}`,
      { csv },
    );
    if (report.replayed) replayed++;
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += report.counts[k];
    onForce(i + 1, returns.length);
  }
  return { forces: returns.length, replayed, counts };
}

export interface ChosenFocus {
  focusForces: string[];
  focusLines: { id: string; exportingForce: string }[];
}

/**
 * The NCLCC takes the top of the explained harm ranking as the week's focus lines; with a
 * `brandPrefix`, the top of its own register only (a test run shares the register with others).
 */
export async function focusOnTopRanked(
  client: DemoClient,
  nclcc: Identity,
  operationId: string,
  lines: number,
  brandPrefix = '',
): Promise<ChosenFocus> {
  const ranking = await client.as<{
    items: { lineId: string; brand: string; exportingForce: string }[];
  }>(nclcc, 'GET', `/api/v1/lines/ranking?status=active&limit=${brandPrefix ? 500 : lines}`);
  const chosen = ranking.items.filter((l) => l.brand.startsWith(brandPrefix)).slice(0, lines);
  const focus = await client.as<{ focusForces: string[] }>(
    nclcc,
    'PUT',
    `/api/v1/operations/${operationId}/focus-lines`,
    { body: { lineIds: chosen.map((l) => l.lineId) } },
  );
  return {
    focusForces: focus.focusForces,
    focusLines: chosen.map((l) => ({ id: l.lineId, exportingForce: l.exportingForce })),
  };
}

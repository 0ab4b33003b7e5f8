import { randomUUID } from 'node:crypto';
import { api, tokenFor, Who } from './api';

export const NCLCC: Who = { role: 'nclcc' };

/** A number unique to this run, so tests never collide on a shared register. */
let counter = Math.floor(Math.random() * 1_000_000);
export function freshNumber(): string {
  counter = (counter + 1) % 1_000_000;
  return `07${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}${String(counter).padStart(6, '0')}`;
}

export function freshBrand(name = 'Line'): string {
  return `${name} ${randomUUID().slice(0, 8)}`;
}

/** A pseudonymous line-holder reference unique to this run. */
export function freshHolder(): string {
  return `LH-${randomUUID().slice(0, 6).toUpperCase()}9`;
}

export async function as(who: Who = NCLCC): Promise<string> {
  return tokenFor(who);
}

export async function registerLine(body: object, who: Who = NCLCC) {
  const res = await api('POST', '/api/v1/lines', { token: await as(who), body });
  if (res.status !== 201)
    throw new Error(`register line: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function line(id: string, who: Who = NCLCC) {
  const res = await api('GET', `/api/v1/lines/${id}`, { token: await as(who) });
  if (res.status !== 200) throw new Error(`line: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function uploadReturn(force: string, month: string, csv: string, who: Who = NCLCC) {
  return api('POST', `/api/v1/forces/${force}/returns/${month}`, {
    token: await as(who),
    raw: csv,
    headers: { 'content-type': 'text/csv' },
  });
}

export async function applyDdtros(
  lineId: string,
  numbers: string[],
  extra: object = {},
  key: string = randomUUID(),
) {
  return api('POST', `/api/v1/lines/${lineId}/ddtros`, {
    token: await as(),
    body: { numbers, ...extra },
    headers: { 'idempotency-key': key },
  });
}

export async function decide(id: string, decision: string, body: object = {}, who: Who = NCLCC) {
  return api('POST', `/api/v1/ddtros/${id}/${decision}`, { token: await as(who), body });
}

export const RETURN_HEADER =
  'brand,exportingForce,importingForces,numbers,replacedNumbers,holderRefs,childrenExploited,weapons,violence,cuckooing,status,closureType,lastIntelligenceAt';

/**
 * A number-deconfliction alert of this run's own: two lines recorded by `forces` (two forces)
 * share a fresh number. Answers the alert as the NCLCC sees it.
 */
export async function raiseNumberAlert(forces: [string, string]) {
  const shared = freshNumber();
  for (const force of forces)
    await registerLine({
      brand: freshBrand('Deconflict'),
      recordedBy: force,
      exportingForce: force,
      numbers: [shared],
    });
  const res = await api('GET', '/api/v1/deconfliction/alerts?kind=number&limit=500', {
    token: await as(),
  });
  const alert = res.body.items.find((a: { value: string }) => a.value === shared);
  if (!alert) throw new Error(`no alert for ${shared}`);
  return alert;
}

/** acknowledge | resolve | hand-to-region on an alert, with a fresh key unless one is given. */
export async function actOnAlert(
  id: string,
  action: string,
  body: object = {},
  who: Who = NCLCC,
  key: string | null = randomUUID(),
) {
  return api('POST', `/api/v1/deconfliction/alerts/${id}/${action}`, {
    token: await as(who),
    body,
    headers: key === null ? {} : { 'idempotency-key': key },
  });
}

/**
 * A line of `force` with an order in hand on its first number and `count` new numbers seen
 * since, each raising a replacement alert; answers the line, its order and the new numbers.
 */
export async function lineWithReplacements(force: string, count: number) {
  const first = freshNumber();
  const l = await registerLine({
    brand: freshBrand('Replaced'),
    exportingForce: force,
    numbers: [first],
  });
  const [order] = (await applyDdtros(l.id, [first])).body.ddtros;
  const added = Array.from({ length: count }, freshNumber);
  for (const number of added)
    await api('POST', `/api/v1/lines/${l.id}/numbers`, { token: await as(), body: { number } });
  return { lineId: l.id as string, order, numbers: added };
}

/** The run's open replacement alerts on these numbers, as the DDTRO desk lists them. */
export async function replacementAlertsOf(numbers: string[], status = '') {
  const res = await api('GET', `/api/v1/ddtros/replacement-alerts?limit=500${status}`, {
    token: await as(),
  });
  if (res.status !== 200) throw new Error(`replacement alerts: ${res.status}`);
  return res.body.items.filter((a: { number: string }) => numbers.includes(a.number));
}

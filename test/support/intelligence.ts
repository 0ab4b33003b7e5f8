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

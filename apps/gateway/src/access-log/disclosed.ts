import { Request } from 'express';
import { normalizeNumber } from '@intensify/contracts';
import { Disclosed } from './person-level.decorator';

/* Per-route pickers of what an answer disclosed, for the access log. */

type Items<T> = { items?: T[] };

const unique = (values: (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];

interface LineLike {
  id: string;
  holderRefs?: string[];
  numbers?: { number: string }[];
}

const refsOfLine = (l: LineLike) => [
  ...(l.holderRefs ?? []),
  ...(l.numbers ?? []).map((n) => n.number),
];

export const lineDetail = (l: LineLike): Disclosed => ({
  resourceIds: [l.id],
  subjectRefs: unique(refsOfLine(l)),
});

/** A search by number discloses that number even when nothing matched. */
export const lineSearch = (page: Items<LineLike>, req: Request): Disclosed => {
  const searched = typeof req.query.q === 'string' ? normalizeNumber(req.query.q) : null;
  const items = page.items ?? [];
  return {
    resourceIds: unique(items.map((l) => l.id)),
    subjectRefs: unique([searched, ...items.flatMap(refsOfLine)]),
  };
};

export const lineHolders = (
  page: Items<{ holderRef: string; lines?: { lineId: string }[] }>,
): Disclosed => {
  const items = page.items ?? [];
  return {
    resourceIds: unique(items.flatMap((h) => (h.lines ?? []).map((l) => l.lineId))),
    subjectRefs: unique(items.map((h) => h.holderRef)),
  };
};

export const deconflictionAlerts = (page: Items<{ id: string; value: string }>): Disclosed => {
  const items = page.items ?? [];
  return {
    resourceIds: unique(items.map((a) => a.id)),
    subjectRefs: unique(items.map((a) => a.value)),
  };
};

export const ddtros = (page: Items<{ id: string; number: string }>): Disclosed => {
  const items = page.items ?? [];
  return {
    resourceIds: unique(items.map((d) => d.id)),
    subjectRefs: unique(items.map((d) => d.number)),
  };
};

/** Outcomes, audit and access-log entries: their ids; holder references an entry names. */
export const entries = (
  page: Items<{ id: string; details?: { holderRefs?: unknown } }>,
): Disclosed => {
  const items = page.items ?? [];
  return {
    resourceIds: unique(items.map((e) => e.id)),
    subjectRefs: unique(
      items.flatMap((e) => (Array.isArray(e.details?.holderRefs) ? e.details.holderRefs : [])),
    ),
  };
};

/** A step on one deconfliction alert answers with the alert: its id and what it matched. */
export const oneAlert = (a: { id?: string; value?: string }): Disclosed => ({
  resourceIds: unique([a.id]),
  subjectRefs: unique([a.value]),
});

export const replacementAlerts = (
  page: Items<{ id: string; lineId: string; number: string }>,
): Disclosed => {
  const items = page.items ?? [];
  return {
    resourceIds: unique(items.flatMap((a) => [a.id, a.lineId])),
    subjectRefs: unique(items.map((a) => a.number)),
  };
};

import { Handoff } from '@intensify/contracts';
import { may, Principal } from '@intensify/auth';
import { Disclosed } from '../access-log/person-level.decorator';

type Concerned = Pick<Handoff, 'foundForce' | 'homeForce'>;

/** The one policy's answer for a hand-off: its found and home force are what scope it. */
export function mayRead(p: Principal, h: Concerned): boolean {
  return may(p, 'handoff.read', { forces: [h.foundForce, h.homeForce] });
}

/** What a viewer may see of a list: the service scopes too, this keeps the gateway honest. */
export function scopeHandoffs<T extends Concerned>(items: T[], p: Principal): T[] {
  return items.filter((h) => mayRead(p, h));
}

const unique = (values: (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];

type Disclosing = Pick<Handoff, 'id' | 'subjectRef'> & { previousHandoffs?: string[] };

/** A hand-off discloses itself, the subject's earlier hand-offs and the subject's reference. */
export function handoffsDisclosed(items: Disclosing[]): Required<Disclosed> {
  return {
    resourceIds: unique(items.flatMap((h) => [h.id, ...(h.previousHandoffs ?? [])])),
    subjectRefs: unique(items.map((h) => h.subjectRef)),
  };
}

export const oneHandoff = (h: Disclosing): Disclosed => handoffsDisclosed([h]);

export const handoffPage = (page: { items?: Disclosing[] }): Disclosed =>
  handoffsDisclosed(page.items ?? []);

/** Audit entries: their ids, and the subject a hand-off's entry names. */
export const safeguardingAuditEntries = (page: {
  items?: { id: string; details?: { subjectRef?: unknown } }[];
}): Disclosed => {
  const items = page.items ?? [];
  return {
    resourceIds: unique(items.map((e) => e.id)),
    subjectRefs: unique(
      items.map((e) => (typeof e.details?.subjectRef === 'string' ? e.details.subjectRef : null)),
    ),
  };
};

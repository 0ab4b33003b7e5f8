import { Injectable } from '@nestjs/common';
import { FieldError, INTERNAL, LineLookup } from '@intensify/contracts';
import { may, Principal } from '@intensify/auth';
import { UpstreamClient } from '../upstream/upstream.client';

/** A `lineId` a request carries, and where it sits in the request (`lineId`, `taskings.3.lineId`). */
export interface LineReference {
  field: string;
  lineId: string;
}

export const LINE_REFERENCE_MESSAGE = 'is not a register line you may read';

/**
 * The references that name no line the caller may read. A missing line and another region's
 * line get the same message, so the answer tells nobody which ids exist.
 */
export function lineReferenceErrors(
  p: Principal,
  refs: LineReference[],
  forcesOf: ReadonlyMap<string, string[]>,
): FieldError[] {
  return refs
    .filter((r) => {
      const forces = forcesOf.get(r.lineId.toLowerCase());
      return !forces || !may(p, 'line.read', { forces });
    })
    .map((r) => ({ field: r.field, message: LINE_REFERENCE_MESSAGE }));
}

/** How long a line's forces are trusted without asking again: a line rarely changes forces. */
const CACHE_MS = 30_000;
const CACHE_MAX = 10_000;

/**
 * Checks outcome and tasking line references against the register with one internal call per
 * request; a request without a `lineId` costs nothing. Lines found are kept for a short while
 * (id → forces), ids not found are always asked again, so a new line is usable at once.
 */
@Injectable()
export class LineReferences {
  private readonly cache = new Map<string, { forces: string[]; until: number }>();

  constructor(private readonly upstream: UpstreamClient) {}

  async errors(p: Principal, refs: LineReference[]): Promise<FieldError[]> {
    if (refs.length === 0) return [];
    const forcesOf = await this.forcesOf(
      p,
      refs.map((r) => r.lineId.toLowerCase()),
    );
    return lineReferenceErrors(p, refs, forcesOf);
  }

  private async forcesOf(p: Principal, ids: string[]): Promise<Map<string, string[]>> {
    const now = Date.now();
    const known = new Map<string, string[]>();
    const ask = new Set<string>();
    for (const id of ids) {
      const hit = this.cache.get(id);
      if (hit && hit.until > now) known.set(id, hit.forces);
      else ask.add(id);
    }
    if (ask.size === 0) return known;
    const { body } = await this.upstream.send(INTERNAL.intelligence.lines.lookup, {
      body: { ids: [...ask] },
      actor: p,
    });
    this.remember(body, now);
    for (const line of body.lines) known.set(line.id, line.forces);
    return known;
  }

  private remember({ lines }: LineLookup, now: number): void {
    if (this.cache.size + lines.length > CACHE_MAX) this.cache.clear();
    for (const line of lines)
      this.cache.set(line.id, { forces: line.forces, until: now + CACHE_MS });
  }
}

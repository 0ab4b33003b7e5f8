import { ClosureType, isUuid, LineStatus, Outcome } from '@intensify/contracts';

export interface LineClosure {
  lineId: string;
  closureType: ClosureType;
}

/** The register line an outcome reports closed, if it names one (old free-text refs never do). */
export function closureReported(o: Outcome): LineClosure | null {
  if (o.type !== 'line' || !o.lineId || !isUuid(o.lineId)) return null;
  if (o.action === 'closed-type1') return { lineId: o.lineId.toLowerCase(), closureType: 'type1' };
  if (o.action === 'closed-type2') return { lineId: o.lineId.toLowerCase(), closureType: 'type2' };
  return null;
}

/**
 * Whether a reported closure changes the line: only an open line closes. A replay, a copy, a
 * correction or a second closure of a closed line changes nothing, and the first closure's
 * type stands; a retraction does not reopen it (the register is corrected in the register).
 */
export function closes(line: { status: LineStatus }): boolean {
  return line.status !== 'closed';
}

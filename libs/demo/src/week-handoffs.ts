import { AgeGroup, HandoffConcern, HandoffOutcome } from '@intensify/contracts';
import { BTP, FORCE_CODES, FORCES } from '@intensify/reference-data';
import { exportWeight } from './force-weights';
import { Random } from './random';
import { PlannedOutcome } from './week-outcomes';

/**
 * What the home force does with a hand-off: acknowledges in time and closes it (most), only
 * acknowledges before the week ends, acknowledges late (after the hand-off went overdue and was
 * escalated), redirects it because the home force was wrong, or never answers.
 */
export type HandoffFate = 'closes' | 'acknowledges' | 'late' | 'redirected' | 'ignored';

export interface PlannedHandoff {
  /** The safeguarding result it follows: `outcomes[outcomeIndex]`, reported by the found force. */
  outcomeIndex: number;
  foundForce: string;
  /** Where it is first sent; for a redirect, the wrong home force. */
  homeForce: string;
  /** For a redirect: where the person really lives. */
  redirectTo?: string;
  subjectRef: string;
  ageGroup: AgeGroup;
  concerns: HandoffConcern[];
  fate: HandoffFate;
  /** Moments as fractions of the acknowledgement window after raising (or after a redirect). */
  acknowledgeAfter: number;
  redirectAfter: number;
  closeAfter: number;
  outcome: HandoffOutcome;
}

/**
 * Share of the safeguarding results of county forces (and BTP) that find someone from another
 * force area. With about 400 such results in a published week this gives some 70 hand-offs a
 * week: most of the children found on county lines are far from home, but many results are
 * local people (cuckooed adults, local children).
 */
export const HANDOFF_SHARE = 0.18;
const CHILD_SHARE = 0.85;
/** Results reported after this point of the week raise none, so the demo ends on time. */
const LAST_RAISE_AT = 0.85;
/** Share of hand-offs whose subject was handed off before in the same week (found again). */
const FOUND_AGAIN = 0.05;

export const REDIRECT_REASON =
  'The local authority confirms the home address is in another force area';

const OUTCOME_WEIGHTS: Record<HandoffOutcome, number> = {
  visited: 3,
  'referred-to-local-authority': 3.5,
  'strategy-meeting': 1.5,
  'nrm-referral': 1.2,
  'no-further-action': 0.8,
};

/** A force that exports lines: where the children found on them mostly come from. */
const isExporter = (force: string) => exportWeight(force) >= 5;

/**
 * Hand-offs raised after the week's safeguarding results: found in a county force (or by BTP on
 * the railway), homed mostly in the big exporting forces (the Met, West Midlands, Merseyside,
 * Greater Manchester), children mostly, a few vulnerable adults. `tag` (letters only) keeps
 * one week's subject references apart from another's; `share` of the eligible results raise one.
 */
export function planWeekHandoffs(
  random: Random,
  outcomes: readonly PlannedOutcome[],
  tag: string,
  share = HANDOFF_SHARE,
): PlannedHandoff[] {
  const planned: PlannedHandoff[] = [];
  outcomes.forEach((o, outcomeIndex) => {
    const b = o.body as { type: string; force: string; children?: number; adults?: number };
    if (b.type !== 'safeguarding' || o.at > LAST_RAISE_AT || isExporter(b.force)) return;
    if (!random.chance(share)) return;
    const child = (b.children ?? 0) > 0 && ((b.adults ?? 0) === 0 || random.chance(CHILD_SHARE));
    if (!child && !(b.adults ?? 0)) return;
    const earlier = planned.length > 0 && random.chance(FOUND_AGAIN) ? random.pick(planned) : null;
    // Found again, but not at home: that would be no hand-off.
    const again = earlier && homeOf(earlier) !== b.force ? earlier : null;
    const home = again ? homeOf(again) : homeForceFor(random, b.force);
    planned.push(
      handoff(random, {
        outcomeIndex,
        foundForce: b.force,
        home,
        ageGroup: again?.ageGroup ?? (child ? 'child' : 'adult'),
        subjectRef: again?.subjectRef ?? subjectRef(b.force, tag, planned.length + 1),
      }),
    );
  });
  return planned;
}

function handoff(
  random: Random,
  p: Pick<PlannedHandoff, 'outcomeIndex' | 'foundForce' | 'ageGroup' | 'subjectRef'> & {
    home: string;
  },
): PlannedHandoff {
  const roll = random.next();
  // Children's short deadline is where lateness shows; adults' home forces answer in time.
  const fate: HandoffFate =
    roll < 0.12
      ? p.ageGroup === 'child'
        ? 'late'
        : 'closes'
      : roll < 0.19
        ? 'redirected'
        : roll < 0.25
          ? 'ignored'
          : roll < 0.37
            ? 'acknowledges'
            : 'closes';
  const wrong = fate === 'redirected' ? homeForceFor(random, p.foundForce, p.home) : undefined;
  return {
    outcomeIndex: p.outcomeIndex,
    foundForce: p.foundForce,
    homeForce: wrong ?? p.home,
    redirectTo: wrong ? p.home : undefined,
    subjectRef: p.subjectRef,
    ageGroup: p.ageGroup,
    concerns: concernsFor(random, p.ageGroup),
    fate,
    acknowledgeAfter: fate === 'late' ? 1.15 + random.next() * 0.3 : 0.1 + random.next() * 0.5,
    redirectAfter: 0.05 + random.next() * 0.25,
    closeAfter: 0.1 + random.next() * 0.3,
    outcome: random.weighted(
      Object.keys(OUTCOME_WEIGHTS) as HandoffOutcome[],
      (o) => OUTCOME_WEIGHTS[o],
    ),
  };
}

const homeOf = (h: PlannedHandoff) => h.redirectTo ?? h.homeForce;

/** A home force other than where the person was found (and `not`), weighted to exporters. */
function homeForceFor(random: Random, found: string, not?: string): string {
  const candidates = FORCE_CODES.filter((f) => f !== found && f !== not && f !== BTP);
  return random.weighted(candidates, exportWeight);
}

function concernsFor(random: Random, ageGroup: AgeGroup): HandoffConcern[] {
  const concerns: HandoffConcern[] = [];
  if (random.chance(ageGroup === 'child' ? 0.85 : 0.5)) concerns.push('criminal-exploitation');
  if (random.chance(0.15)) concerns.push('sexual-exploitation');
  if (ageGroup === 'child' && random.chance(0.55)) concerns.push('missing');
  if (ageGroup === 'adult' && random.chance(0.6)) concerns.push('cuckooing');
  if (random.chance(0.12)) concerns.push('trafficking');
  return concerns.length ? concerns : ['other'];
}

/**
 * A pseudonymous reference such as `LEI-SG-KQBA-0012`: the found force's first letters, the
 * week's tag and a number. Letters around the number keep it from reading as a date.
 */
export function subjectRef(foundForce: string, tag: string, n: number): string {
  return `${forceLetters(foundForce)}-SG-${tag}-${String(n).padStart(4, '0')}`;
}

/** The first three letters of a force's name (`MET`, `LEI`), for its references. */
export function forceLetters(force: string): string {
  const name = FORCES.find((f) => f.code === force)?.name ?? force;
  return name
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 3)
    .toUpperCase();
}

/** Letters only, from an id: a week's tag for its subject references. */
export function tagOf(id: string): string {
  return [...id.replace(/[^0-9a-f]/gi, '').slice(0, 4)]
    .map((c) => String.fromCharCode(65 + parseInt(c, 16)))
    .join('');
}

import { Handoff, HandoffStatus } from '@intensify/contracts';
import { DemoClient } from './demo-client';
import { reporterOf, safeguardingLeadOf } from './identities';
import { forceLetters, PlannedHandoff, REDIRECT_REASON } from './week-handoffs';

/** A hand-off as the demo left it. */
export interface HandoffRecord {
  status: HandoffStatus;
  homeForce: string;
  foundForce: string;
  ageGroup: Handoff['ageGroup'];
  fate: PlannedHandoff['fate'];
}

export interface HandoffStage {
  client: DemoClient;
  operationId: string;
  /** The id of the safeguarding result the hand-off follows, once the platform accepted it. */
  outcomeId: (index: number) => Promise<string>;
  /**
   * The longest acknowledgement window the demo waits through: a platform whose hour is not
   * sped up for the demo (24 real hours for a child) still finishes, its hand-offs in time.
   */
  maxWindowMs: number;
  record: (id: string, record: HandoffRecord) => void;
}

/**
 * One hand-off's life, in real time because its deadline runs on the platform's clock: raised
 * by the found force as soon as its safeguarding result is accepted, then acknowledged (in time
 * or late), redirected or closed by the home force's safeguarding lead at moments set as
 * fractions of the acknowledgement window the platform answered.
 */
export async function playHandoff(plan: PlannedHandoff, n: number, stage: HandoffStage) {
  const { client, operationId } = stage;
  const key = (step: string) => `demo-${operationId}-handoff-${n}-${step}`;
  const safeguardingOutcomeId = await stage.outcomeId(plan.outcomeIndex);
  let h = await client.as<Handoff>(reporterOf(plan.foundForce), 'POST', '/api/v1/handoffs', {
    idempotencyKey: key('raise'),
    body: {
      operationId,
      foundForce: plan.foundForce,
      homeForce: plan.homeForce,
      subjectRef: plan.subjectRef,
      ageGroup: plan.ageGroup,
      concerns: plan.concerns,
      foundAt: new Date(Date.now() - 1_000).toISOString(),
      safeguardingOutcomeId,
    },
  });
  const note = (handoff: Handoff) =>
    stage.record(handoff.id, {
      status: handoff.status,
      homeForce: handoff.homeForce,
      foundForce: handoff.foundForce,
      ageGroup: handoff.ageGroup,
      fate: plan.fate,
    });
  note(h);
  const window = Math.min(Date.parse(h.acknowledgeBy) - Date.parse(h.foundAt), stage.maxWindowMs);
  // The clock starts when found, and again when redirected.
  let from = Date.parse(h.foundAt);
  const act = async (action: string, body: object, after: number) => {
    await sleepUntil(from + after * window);
    h = await client.as<Handoff>(
      safeguardingLeadOf(h.homeForce),
      'POST',
      `/api/v1/handoffs/${h.id}/${action}`,
      { idempotencyKey: key(action), body },
    );
    note(h);
  };

  if (plan.fate === 'ignored') return;
  if (plan.fate === 'redirected' && plan.redirectTo) {
    await act(
      'redirect',
      { homeForce: plan.redirectTo, reason: REDIRECT_REASON },
      plan.redirectAfter,
    );
    from = Date.now();
  }
  await act('acknowledge', { owner: ownerRef(h.homeForce, n) }, plan.acknowledgeAfter);
  if (plan.fate === 'acknowledges') return;
  from = Date.now();
  await act('close', { outcome: plan.outcome }, plan.closeAfter);
}

/** The officer who owns the follow-up, as a pseudonymous reference of the home force. */
export function ownerRef(homeForce: string, n: number): string {
  return `${forceLetters(homeForce)}-DS-${String(n % 1000).padStart(4, '0')}`;
}

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

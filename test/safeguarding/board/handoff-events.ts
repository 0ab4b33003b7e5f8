import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  EventEnvelope,
  HANDOFF_ACKNOWLEDGED,
  HANDOFF_CLOSED,
  HANDOFF_OVERDUE,
  HANDOFF_RAISED,
  HANDOFF_REDIRECTED,
  HANDOFF_SUBJECT_ERASED,
  HandoffCounts,
  HandoffPosition,
  topics,
} from '@intensify/contracts';
import { kafkaSecurityOptions, newEvent } from '@intensify/messaging';
import { FORCES } from '@intensify/reference-data';
import { kafkaSecurity } from '@intensify/runtime';
import { runEnv } from '../../support/run-env';

export const LEICESTERSHIRE = 'E23000021';
export const KENT = 'E23000032';

const HOUR = 3_600_000;
const regionOf = (force: string) => FORCES.find((f) => f.code === force)!.region;

/**
 * One hand-off's events as the safeguarding service writes them: each with where it stood
 * before and where it stands now, numbered by `seq`. Carries no person, like the real ones.
 */
export function handoff(
  operationId: string | null,
  homeForce: string,
  foundForce = LEICESTERSHIRE,
) {
  const handoffId = randomUUID();
  const foundAt = new Date(Date.now() - 30 * HOUR).toISOString();
  let acknowledgeBy = new Date(Date.parse(foundAt) + 24 * HOUR).toISOString();
  let seq = 0;
  let position: HandoffPosition | null = null;
  const step = (
    kind: { type: string; version: number },
    now: HandoffPosition,
    extra: object = {},
  ): EventEnvelope => {
    const previous = position;
    position = now;
    seq += 1;
    return newEvent({
      ...kind,
      aggregateId: handoffId,
      occurredAt: new Date().toISOString(),
      actor: { sub: 'safeguarding-test', role: 'nclcc' },
      correlationId: randomUUID(),
      payload: {
        handoffId,
        operationId,
        seq,
        foundForce,
        ageGroup: 'child',
        acknowledgeBy,
        ...now,
        previous,
        ...extra,
      },
    });
  };
  const now = () => position!;
  return {
    handoffId,
    raise: () =>
      step(
        HANDOFF_RAISED,
        { homeForce, status: 'raised', overdue: false },
        { concerns: ['criminal-exploitation', 'missing'], foundAt },
      ),
    overdue: () =>
      step(
        HANDOFF_OVERDUE,
        { ...now(), overdue: true },
        {
          escalatedAt: new Date().toISOString(),
          escalatedTo: [regionOf(now().homeForce), 'nclcc'].filter(Boolean),
        },
      ),
    redirect: (to: string) => {
      acknowledgeBy = new Date(Date.now() + 24 * HOUR).toISOString();
      return step(HANDOFF_REDIRECTED, { homeForce: to, status: 'raised', overdue: false });
    },
    acknowledge: () =>
      step(HANDOFF_ACKNOWLEDGED, { ...now(), status: 'acknowledged', overdue: false }),
    close: () =>
      step(HANDOFF_CLOSED, { ...now(), status: 'closed', overdue: false }, { outcome: 'visited' }),
    eraseSubject: () => step(HANDOFF_SUBJECT_ERASED, { ...now() }),
  };
}

/** Puts events on the run's safeguarding topic, keyed by hand-off (or on a chosen partition). */
export async function publishHandoffEvents(
  events: EventEnvelope[],
  partition?: number,
): Promise<void> {
  const env = runEnv();
  const kafka = new Kafka({
    brokers: env.kafkaBrokers.split(','),
    ...kafkaSecurityOptions(kafkaSecurity()),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic: topics(env.topicPrefix).safeguarding.name,
      messages: events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e), partition })),
    });
  } finally {
    await producer.disconnect();
  }
}

export function counts(c: Partial<HandoffCounts> = {}): HandoffCounts {
  return { raised: 0, acknowledged: 0, closed: 0, overdue: 0, ...c };
}

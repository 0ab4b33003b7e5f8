import { Inject, Injectable } from '@nestjs/common';
import {
  ServiceConsumerSettings,
  TOPICS,
  TopicNames,
  TransactionalConsumerHost,
} from '@intensify/messaging';
import { OUTCOME_RECORDED, OutcomeRecordedV1 } from '@intensify/contracts';
import { Clock, CLOCK } from '../clock';
import { closureReported } from './line-closure.rule';
import { closeReportedLines } from './close-reported-lines';

export const LINE_OUTCOMES_GROUP = 'intelligence.line-outcomes.v1';

/**
 * Reads the outcomes topic for what reporters say about register lines. Each batch is applied
 * with its offsets in one transaction, and a closed line stays as it is, so redeliveries and
 * copies of events change nothing.
 */
@Injectable()
export class LineOutcomesConsumer extends TransactionalConsumerHost {
  constructor(
    settings: ServiceConsumerSettings,
    @Inject(TOPICS) topics: TopicNames,
    @Inject(CLOCK) clock: Clock,
  ) {
    super({
      ...settings,
      group: LINE_OUTCOMES_GROUP,
      topics: ['outcomes'],
      // Nearly every outcome is not a line closure: those open no transaction here.
      concerns: (e) =>
        e.type === OUTCOME_RECORDED.type &&
        closureReported((e.payload as OutcomeRecordedV1).current) !== null,
      apply: (m, events) =>
        closeReportedLines(m, events, { topic: topics.intelligence, now: () => clock.now() }),
    });
  }
}

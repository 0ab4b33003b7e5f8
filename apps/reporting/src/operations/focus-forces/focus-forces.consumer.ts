import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Partitioners, Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import {
  consumerGroup,
  FocusLinesSetV1,
  OPERATION_FOCUS_LINES_SET,
  topics,
} from '@intensify/contracts';
import { ConsumedEvent, ensureTopics, TransactionalConsumer } from '@intensify/messaging';
import { REPORTING_ENV, ReportingEnv, SCHEMA } from '../../config';
import { OutboxRelayService } from '../../outbox/outbox-relay.service';

export const FOCUS_FORCES_GROUP = 'reporting.focus-forces.v1';

/**
 * Reporting owns a week's `focusForces`; the NCLCC picks focus lines in the intelligence
 * service, and the forces follow from `operation.focus-lines-set`. Applied with the offset in
 * one transaction, and only when newer than what the week holds (`seq`), so copies and
 * redeliveries change nothing.
 */
@Injectable()
export class FocusForcesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: TransactionalConsumer;
  private readonly producer: Producer;

  constructor(
    @Inject(REPORTING_ENV) private readonly env: ReportingEnv,
    @InjectDataSource() db: DataSource,
    private readonly outbox: OutboxRelayService,
  ) {
    const t = topics(env.KAFKA_TOPIC_PREFIX);
    this.producer = outbox.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.consumer = new TransactionalConsumer({
      kafka: outbox.kafka,
      dataSource: db,
      schema: SCHEMA,
      groupId: consumerGroup(env.KAFKA_TOPIC_PREFIX, FOCUS_FORCES_GROUP),
      topics: [t.intelligence.name],
      deadLetterTopic: t.deadLetters.name,
      producer: this.producer,
      apply: applyFocusForces,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.outbox.kafka, Object.values(topics(this.env.KAFKA_TOPIC_PREFIX)));
    await this.producer.connect();
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.producer.disconnect();
  }
}

export async function applyFocusForces(m: EntityManager, events: ConsumedEvent[]): Promise<void> {
  for (const { event } of events) {
    if (event.type !== OPERATION_FOCUS_LINES_SET.type) continue;
    const p = event.payload as FocusLinesSetV1;
    await m.query(
      `UPDATE reporting.operations SET focus_forces = $2, focus_seq = $3 WHERE id = $1 AND focus_seq < $3`,
      [p.operationId, p.focusForces, p.seq],
    );
  }
}

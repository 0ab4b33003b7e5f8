import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { dueAtError, FieldError, IssueTasking, TASKING_ISSUED } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { Clock, CLOCK } from '../../../clock';
import { TASKINGS_TOPIC } from '../../../outbox/topics.provider';
import { recordTaskingChanges } from '../../tasking-changes';
import { isUuid, TaskingRow, toTasking } from '../../tasking-row';
import {
  IssueTaskingsCommand,
  IssueTaskingsResult,
  IssuedTaskings,
} from './issue-taskings.command';

/**
 * Issues one tasking or many at once, all or nothing: every item is checked first, then all
 * rows, their `tasking.issued` events, history, audit and the idempotency key commit together.
 * The deadlines follow from the events, so a tasking never exists without its deadlines.
 */
@CommandHandler(IssueTaskingsCommand)
export class IssueTaskingsHandler implements ICommandHandler<
  IssueTaskingsCommand,
  IssueTaskingsResult
> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TASKINGS_TOPIC) private readonly topic: string,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cmd: IssueTaskingsCommand): Promise<IssueTaskingsResult> {
    if (!isUuid(cmd.operationId))
      throw new ProblemError('not_found', `No operation with id ${cmd.operationId}`);
    const now = this.clock.now();
    this.check(cmd, now);
    const print = createHash('sha256').update(JSON.stringify(cmd.request)).digest('base64url');
    return this.db.transaction(async (m) => {
      const prior = await claimKey(m, cmd.operationId, cmd.idempotencyKey, print);
      if (prior) {
        if (prior.fingerprint !== print) {
          throw new ProblemError(
            'idempotency_conflict',
            'This Idempotency-Key was already used with a different request',
            [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
          );
        }
        return { replayed: true, body: prior.response };
      }
      const rows = await this.insert(m, cmd, now);
      await recordTaskingChanges(
        m,
        this.topic,
        rows.map((tasking, i) => ({
          kind: TASKING_ISSUED,
          seq: 1,
          tasking,
          previous: null,
          actor: cmd.actor,
          correlationId: cmd.correlationId,
          at: now,
          details: {
            issueSeq: 1,
            issuedAt: now.toISOString(),
            acknowledgeWithinMinutes: tasking.acknowledge_within_minutes,
            action: tasking.action,
            ...(cmd.request.taskings[i].lineId && { lineId: cmd.request.taskings[i].lineId }),
          },
        })),
      );
      const taskings = rows.map((r) => toTasking(r));
      const body: IssuedTaskings = cmd.request.bulk ? { taskings } : taskings[0];
      await m.query(
        `UPDATE tasking.idempotency_keys SET response = $3 WHERE operation_id = $1 AND key = $2`,
        [cmd.operationId, cmd.idempotencyKey, JSON.stringify(body)],
      );
      return { replayed: false, body };
    });
  }

  /** Scope and time rules for every item, so nothing is issued unless all of it may be. */
  private check({ request, actor }: IssueTaskingsCommand, now: Date): void {
    const path = (i: number, f: string) => (request.bulk ? `taskings.${i}.${f}` : f);
    const errors: FieldError[] = [];
    request.taskings.forEach((t, i) => {
      const late = dueAtError(t.dueAt, now, path(i, 'dueAt'));
      if (late) errors.push(late);
    });
    if (errors.length) throw ProblemError.validation(errors);
    const refused = request.taskings.find((t) => !may(actor, 'tasking.issue', { force: t.force }));
    if (refused) {
      throw new ProblemError(
        'forbidden_scope',
        `Role ${actor.role} may not issue taskings to force ${refused.force}`,
      );
    }
  }

  private async insert(
    m: EntityManager,
    cmd: IssueTaskingsCommand,
    now: Date,
  ): Promise<TaskingRow[]> {
    const items: IssueTasking[] = cmd.request.taskings;
    const column = <T>(f: (t: IssueTasking) => T) => items.map(f);
    const ids = items.map(() => randomUUID());
    const rows: TaskingRow[] = await m.query(
      `INSERT INTO tasking.taskings (id, operation_id, force, line_id, action, priority, due_at,
         acknowledge_within_minutes, notes, status, issued_by, issued_at, updated_at)
       SELECT i::uuid, $1::uuid, f, l, a, p, d, w, n, 'issued', $9::jsonb, $10, $10
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::int[], $11::text[])
         AS x(i, f, l, a, p, d, w, n)
       RETURNING *`,
      [
        cmd.operationId,
        ids,
        column((t) => t.force),
        column((t) => t.lineId ?? null),
        column((t) => t.action),
        column((t) => t.priority),
        column((t) => t.dueAt),
        column((t) => t.acknowledgeWithinMinutes),
        JSON.stringify(cmd.actor),
        now,
        column((t) => t.notes ?? null),
      ],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!);
  }
}

/**
 * Claims the key for this request, or returns what was stored for it. A concurrent request with
 * the same key waits on our insert and then sees the committed answer.
 */
async function claimKey(
  m: EntityManager,
  operationId: string,
  key: string,
  print: string,
): Promise<{ fingerprint: string; response: IssuedTaskings } | null> {
  const won = await m.query(
    `INSERT INTO tasking.idempotency_keys (operation_id, key, fingerprint, response)
     VALUES ($1, $2, $3, '{}') ON CONFLICT DO NOTHING RETURNING key`,
    [operationId, key, print],
  );
  if (won.length) return null;
  const rows = await m.query(
    `SELECT fingerprint, response FROM tasking.idempotency_keys WHERE operation_id = $1 AND key = $2`,
    [operationId, key],
  );
  return rows[0];
}

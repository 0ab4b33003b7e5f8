import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { dueAtError, FieldError, isUuid, IssueTasking, TASKING_ISSUED } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ChangeWriter, WriteContext } from '@intensify/messaging';
import { fingerprint, IdempotencyStore } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { SCHEMA } from '../../../config';
import { recordTaskingChanges } from '../../tasking-changes';
import { TaskingRow, toTasking } from '../../tasking-row';
import {
  IssueTaskingsCommand,
  IssueTaskingsResult,
  IssuedTaskings,
} from './issue-taskings.command';

/** An Idempotency-Key is unique within an operation. */
const keys = new IdempotencyStore(SCHEMA, 'operation_id');

/**
 * Issues one tasking or many at once, all or nothing: every item is checked first, then all
 * rows, their `tasking.issued` events, history, audit and the idempotency key commit together.
 * The deadlines follow from the events, so a tasking never exists without its deadlines.
 */
@CommandHandler(IssueTaskingsCommand)
export class IssueTaskingsHandler implements ICommandHandler<IssueTaskingsCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute(cmd: IssueTaskingsCommand): Promise<IssueTaskingsResult> {
    if (!isUuid(cmd.operationId))
      throw new ProblemError('not_found', `No operation with id ${cmd.operationId}`);
    const now = this.writer.now();
    this.check(cmd, now);
    const print = fingerprint(cmd.request);
    const { actor, correlationId } = cmd;
    return this.writer.inTransaction({ actor, correlationId, now }, async (ctx) => {
      const prior = await keys.claim<IssuedTaskings>(
        ctx.m,
        cmd.operationId,
        cmd.idempotencyKey,
        print,
      );
      if (prior) return { replayed: true, body: prior };
      const rows = await this.insert(ctx, cmd);
      await recordTaskingChanges(
        ctx,
        rows.map((tasking, i) => ({
          kind: TASKING_ISSUED,
          seq: 1,
          tasking,
          previous: null,
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
      await keys.answer(ctx.m, cmd.operationId, cmd.idempotencyKey, body);
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

  private async insert({ m, now }: WriteContext, cmd: IssueTaskingsCommand): Promise<TaskingRow[]> {
    const items: IssueTasking[] = cmd.request.taskings;
    const column = <T>(f: (t: IssueTasking) => T) => items.map(f);
    const ids = items.map(() => randomUUID());
    const rows: TaskingRow[] = await m.query(
      `INSERT INTO tasking.taskings (id, operation_id, force, line_id, action, priority, due_at,
         acknowledge_within_minutes, notes, status, issued_by, issued_at, updated_at)
       SELECT i::uuid, $1::uuid, f, l::uuid, a, p, d, w, n, 'issued', $9::jsonb, $10, $10
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

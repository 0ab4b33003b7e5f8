import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from 'typeorm';
import { Actor, ReplacementApplicationResult } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { fingerprint, IdempotencyStore } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { ChangeWriter } from '@intensify/messaging';
import { SCHEMA } from '../../../config';
import { forcesOfLine } from '../../../lines/line-row';
import { applyOrders } from '../../apply-orders';
import { toDdtro } from '../../ddtro-row';
import { ApplyReplacementsCommand, ApplyReplacementsResult } from './apply-replacements.command';
import { judgeCandidate, ReplacementCandidate } from './replacement-candidate';

const keys = new IdempotencyStore(SCHEMA, 'scope');
const KEY_SCOPE = 'ddtro-replacements';

/**
 * The NCLCC applies for orders on the new numbers of several replacement alerts at once: one
 * batch of orders per line, each alert marked with its order so it is applied for once, and a
 * result per alert in the order asked. The same Idempotency-Key and body replays the answer.
 */
@CommandHandler(ApplyReplacementsCommand)
export class ApplyReplacementsHandler implements ICommandHandler<ApplyReplacementsCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  execute(cmd: ApplyReplacementsCommand): Promise<ApplyReplacementsResult> {
    const { actor, correlationId, request } = cmd;
    if (!may(actor, 'ddtro.apply-replacements'))
      throw new ProblemError('forbidden_scope', 'Only the NCLCC applies for orders in a batch');
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const { m, now } = ctx;
      const print = fingerprint(request);
      const prior = await keys.claim<ApplyReplacementsResult['body']>(
        m,
        KEY_SCOPE,
        cmd.idempotencyKey,
        print,
      );
      if (prior) return { replayed: true, body: prior };
      const found = await lockCandidates(m, request.alertIds, actor);
      const results = new Map<string, ReplacementApplicationResult>();
      const toApply: ReplacementCandidate[] = [];
      for (const alertId of request.alertIds) {
        const c = found.get(alertId);
        const judged = judgeCandidate(alertId, c);
        if (judged === 'apply') toApply.push(c!);
        else results.set(alertId, judged);
      }
      for (const lineId of new Set(toApply.map((c) => c.line_id))) {
        const mine = toApply.filter((c) => c.line_id === lineId);
        const numbers = mine.map((c) => ({ number: c.number, first_seen_at: c.first_seen_at! }));
        const orders = await applyOrders(ctx, lineId, numbers, now);
        mine.forEach((c, i) =>
          results.set(c.id, { alertId: c.id, outcome: 'applied', ddtro: toDdtro(orders[i]) }),
        );
      }
      const marks = [...results.values()].flatMap((r) => {
        const ddtroId = r.ddtro?.id ?? r.ddtroId;
        return ddtroId && !found.get(r.alertId)?.ddtro_id ? [[r.alertId, ddtroId]] : [];
      });
      await m.query(
        `UPDATE intelligence.replacement_alerts a SET ddtro_id = x.d, applied_at = $3
         FROM unnest($1::uuid[], $2::uuid[]) AS x(a, d) WHERE a.id = x.a`,
        [marks.map(([a]) => a), marks.map(([, d]) => d), now],
      );
      const body = { results: request.alertIds.map((id) => results.get(id)!) };
      await keys.answer(m, KEY_SCOPE, cmd.idempotencyKey, body);
      return { replayed: false, body };
    });
  }
}

async function lockCandidates(
  m: EntityManager,
  alertIds: string[],
  actor: Actor,
): Promise<Map<string, ReplacementCandidate>> {
  const rows: (Omit<ReplacementCandidate, 'writable'> & {
    recorded_by: string;
    exporting_force: string;
    importing_forces: string[];
  })[] = await m.query(
    `SELECT a.id, a.line_id, a.number, a.ddtro_id, n.status AS number_status, n.first_seen_at,
       l.recorded_by, l.exporting_force, l.importing_forces,
       (SELECT d.id FROM intelligence.ddtros d
          WHERE d.line_id = a.line_id AND d.number = a.number AND d.status <> 'refused') AS open_order
     FROM intelligence.replacement_alerts a JOIN intelligence.lines l ON l.id = a.line_id
     LEFT JOIN intelligence.line_numbers n ON n.line_id = a.line_id AND n.number = a.number
     WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR UPDATE OF a`,
    [alertIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { ...r, writable: may(actor, 'line.write', { forces: forcesOfLine(r) }) },
    ]),
  );
}

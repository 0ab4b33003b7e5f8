import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  brandKey,
  endOfMonth,
  LineInput,
  LineReturnChange,
  LineReturnRejectedRow,
  LineReturnReport,
  LineReturnRow,
} from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ChangeWriter, WriteContext } from '@intensify/messaging';
import { fingerprint as fingerprintOf } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { deconflict } from '../../../deconfliction/deconfliction';
import { LineRow } from '../../../lines/line-row';
import { desiredErrors, numberErrors, saveLine } from '../../../lines/line-writer';
import { lockRegister } from '../../../register-write';
import { parseLineReturn } from '../../line-return.parser';
import { ImportLineReturnCommand } from './import-line-return.command';

/**
 * A force's monthly return: each row upserts the force's line of that brand (never a second
 * line), adds numbers it did not know and marks replaced ones; the report says what each row
 * changed and which of the force's open lines the return did not list. The whole return is one
 * transaction; the same file for the same force and month again returns the first report and
 * changes nothing.
 */
@CommandHandler(ImportLineReturnCommand)
export class ImportLineReturnHandler implements ICommandHandler<ImportLineReturnCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({
    force,
    month,
    csv,
    actor,
    correlationId,
  }: ImportLineReturnCommand): Promise<LineReturnReport> {
    if (!may(actor, 'line.return', { force }))
      throw new ProblemError(
        'forbidden_scope',
        `Role ${actor.role} may not upload returns for force ${force}`,
      );
    const now = this.writer.now();
    if (Date.parse(`${month}-01T00:00:00Z`) > now.getTime())
      throw ProblemError.validation([{ field: 'month', message: 'must not be in the future' }]);
    const fingerprint = fingerprintOf(csv);
    const parsed = parseLineReturn(csv, force, month);
    return this.writer.inTransaction({ actor, correlationId, now }, async (ctx) => {
      await lockRegister(ctx.m);
      const { m } = ctx;
      const [prior] = await m.query(
        `SELECT report FROM intelligence.line_returns WHERE force = $1 AND month = $2 AND fingerprint = $3`,
        [force, month, fingerprint],
      );
      if (prior) return { ...(prior.report as LineReturnReport), replayed: true };
      const changes: LineReturnChange[] = [];
      const rejected: LineReturnRejectedRow[] = [...parsed.rejected];
      const seenAt = new Date(Math.min(now.getTime(), Date.parse(endOfMonth(month))));
      for (const row of parsed.rows) {
        const outcome = await this.upsertRow(ctx, force, row, seenAt);
        if ('errors' in outcome)
          rejected.push({ row: row.row, line: row.line, errors: outcome.errors });
        else {
          changes.push(outcome);
          await m.query(
            `INSERT INTO intelligence.line_months (line_id, month) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            [outcome.lineId, month],
          );
        }
      }
      await deconflict(
        ctx,
        changes.filter((c) => c.change !== 'unchanged').map((c) => c.lineId),
      );
      const notSeen: LineReturnReport['notSeenThisMonth'] = await m.query(
        `SELECT l.id AS "lineId", l.brand, l.status FROM intelligence.lines l
         WHERE l.recorded_by = $1 AND l.status <> 'closed'
           AND NOT EXISTS (SELECT 1 FROM intelligence.line_months s WHERE s.line_id = l.id AND s.month = $2)
         ORDER BY l.brand_key`,
        [force, month],
      );
      rejected.sort((a, b) => a.row - b.row);
      const count = (k: string) => changes.filter((c) => c.change === k).length;
      const report: LineReturnReport = {
        force,
        month,
        replayed: false,
        counts: {
          new: count('new'),
          updated: count('updated'),
          unchanged: count('unchanged'),
          rejected: rejected.length,
          notSeen: notSeen.length,
        },
        changes,
        rejected,
        notSeenThisMonth: notSeen,
      };
      await m.query(
        `INSERT INTO intelligence.line_returns (force, month, fingerprint, report, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [force, month, fingerprint, JSON.stringify(report), JSON.stringify(actor), now],
      );
      return report;
    });
  }

  private async upsertRow(
    ctx: WriteContext,
    force: string,
    row: LineReturnRow,
    seenAt: Date,
  ): Promise<LineReturnChange | { errors: { field: string; message: string }[] }> {
    const [existing]: LineRow[] = await ctx.m.query(
      `SELECT * FROM intelligence.lines WHERE recorded_by = $1 AND brand_key = $2 FOR UPDATE`,
      [force, brandKey(row.brand)],
    );
    const by = row.numbers.find((n) => !row.replacedNumbers.includes(n));
    const numbers = {
      add: row.numbers.map((number) => ({ number, seenAt })),
      replace: by ? row.replacedNumbers.map((old) => ({ old, by })) : [],
    };
    const errors = await numberErrors(ctx, force, existing?.id ?? null, numbers, {
      add: () => 'numbers',
      replace: () => 'replacedNumbers',
    });
    const latest = [existing?.last_intelligence_at?.toISOString(), row.lastIntelligenceAt]
      .filter((d): d is string => !!d)
      .sort()
      .pop()!;
    const desired: LineInput = {
      brand: row.brand,
      exportingForce: row.exportingForce,
      importingForces: row.importingForces,
      status: row.status ?? existing?.status ?? 'active',
      closureType: row.status
        ? row.closureType
        : (row.closureType ?? existing?.closure_type ?? null),
      holderRefs: row.holderRefs,
      riskFactors: row.riskFactors,
      lastIntelligenceAt: latest,
    };
    errors.push(...desiredErrors(desired));
    if (errors.length) return { errors };
    const saved = await saveLine(ctx, existing ?? null, force, desired, numbers);
    return {
      row: row.row,
      lineId: saved.row.id,
      brand: saved.row.brand,
      change: saved.change,
      ...(saved.change === 'updated' && { fields: saved.fields }),
    };
  }
}

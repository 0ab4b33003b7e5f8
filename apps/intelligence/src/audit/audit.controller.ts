import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, INTERNAL } from '@intensify/contracts';
import { CallingActor, may } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';

/** The intelligence audit trail (NCLCC only): every change and every read of holder references. */
@Controller(INTERNAL.intelligence.audit.controller)
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(INTERNAL.intelligence.audit.list.path)
  async list(@Query('action') action: string | undefined, @CallingActor() actor: Actor) {
    if (!may(actor, 'intelligence.audit'))
      throw new ProblemError(
        'forbidden_scope',
        'Only the NCLCC reads the intelligence audit trail',
      );
    const rows = await this.db.query(
      `SELECT id, at, actor, action, subject_id, correlation_id, details FROM intelligence.audit_log
       WHERE ($1::text IS NULL OR action = $1) ORDER BY id DESC LIMIT 500`,
      [action || null],
    );
    return {
      items: rows.map((r: Record<string, unknown>) => ({
        id: Number(r.id),
        at: (r.at as Date).toISOString(),
        actor: r.actor,
        action: r.action,
        subjectId: r.subject_id,
        correlationId: r.correlation_id,
        details: r.details,
      })),
    };
  }
}

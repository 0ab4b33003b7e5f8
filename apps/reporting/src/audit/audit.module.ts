import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditController } from './audit.controller';
import { ListAuditHandler } from './queries/list-audit/list-audit.handler';

@Module({ imports: [CqrsModule], controllers: [AuditController], providers: [ListAuditHandler] })
export class AuditModule {}

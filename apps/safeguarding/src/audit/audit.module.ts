import { Module } from '@nestjs/common';
import { auditReader } from '@intensify/persistence';
import { SCHEMA } from '../config';
import { AuditController } from './audit.controller';

/** Entry ids carry `safeguarding-`, so they stay unique beside other services' in a merged listing. */
@Module({ controllers: [AuditController], providers: [auditReader(SCHEMA, `${SCHEMA}-`)] })
export class AuditModule {}

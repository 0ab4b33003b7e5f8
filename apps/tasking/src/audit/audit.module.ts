import { Module } from '@nestjs/common';
import { auditReader } from '@intensify/persistence';
import { SCHEMA } from '../config';
import { AuditController } from './audit.controller';

/** Entry ids carry `tasking-`, so they stay unique beside reporting's in the merged listing. */
@Module({ controllers: [AuditController], providers: [auditReader(SCHEMA, `${SCHEMA}-`)] })
export class AuditModule {}

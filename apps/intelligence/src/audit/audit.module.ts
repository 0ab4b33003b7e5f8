import { Module } from '@nestjs/common';
import { auditReader } from '@intensify/persistence';
import { SCHEMA } from '../config';
import { AuditController } from './audit.controller';

/** The log is not merged with another, so its entry ids keep their bare numbers. */
@Module({ controllers: [AuditController], providers: [auditReader(SCHEMA)] })
export class AuditModule {}

import { Module } from '@nestjs/common';
import { auditReader } from '@intensify/persistence';
import { SCHEMA } from '../config';
import { AuditController } from './audit.controller';

@Module({ controllers: [AuditController], providers: [auditReader(SCHEMA)] })
export class AuditModule {}

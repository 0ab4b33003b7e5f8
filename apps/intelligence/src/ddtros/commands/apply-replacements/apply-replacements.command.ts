import { Command } from '@nestjs/cqrs';
import {
  Actor,
  ReplacementApplications,
  ReplacementApplicationsRequest,
} from '@intensify/contracts';

export interface ApplyReplacementsResult {
  replayed: boolean;
  body: ReplacementApplications;
}

export class ApplyReplacementsCommand extends Command<ApplyReplacementsResult> {
  constructor(
    readonly request: ReplacementApplicationsRequest,
    readonly idempotencyKey: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}

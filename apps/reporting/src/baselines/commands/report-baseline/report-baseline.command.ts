import { Command } from '@nestjs/cqrs';
import { Actor, Baseline } from '@intensify/contracts';
import { BaselineWrite } from '../../baseline-writes';

/** `created` tells the controller to answer 201; a replacement or a replay answers 200. */
export class ReportBaselineCommand extends Command<{ baseline: Baseline; created: boolean }> {
  constructor(
    readonly input: BaselineWrite,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}

import { EventEnvelope, ENVELOPE_SCHEMA } from './envelope';
import * as operation from './v1/operation-events';
import * as outcome from './v1/outcome-events';
import { BASELINE_REPORTED, BASELINE_REPORTED_V1_SCHEMA } from './v1/baseline-events';
import { TASKING_EVENT_SCHEMAS } from './v1/tasking-events';
import { INTELLIGENCE_EVENT_SCHEMAS } from './v1/intelligence-events';
import { HANDOFF_EVENT_SCHEMAS } from './v1/safeguarding-events';
import { DECONFLICTION_EVENT_SCHEMAS } from './v1/deconfliction-events';
import * as operationV2 from './v2/operation-events';
import * as outcomeV2 from './v2/outcome-events';
import { TASKING_EVENT_V2_SCHEMAS } from './v2/tasking-events';
import {
  DDTRO_REFUSED_V2,
  DDTRO_REFUSED_V2_SCHEMA,
  OPERATION_FOCUS_LINES_SET_V2,
  OPERATION_FOCUS_LINES_SET_V2_SCHEMA,
} from './v2/intelligence-events';
import { FieldError, checkSchema } from '../validation';

/**
 * One schema per event type and version: producers and consumers validate against the same.
 * Old versions stay, so retained topics still replay.
 */
const PAYLOAD_SCHEMAS: Record<string, object> = Object.fromEntries(
  (
    [
      [operation.OPERATION_CREATED, operation.OPERATION_CREATED_V1_SCHEMA],
      [operation.OPERATION_CLOSED, operation.OPERATION_CLOSED_V1_SCHEMA],
      [operation.OPERATION_REOPENED, operation.OPERATION_REOPENED_V1_SCHEMA],
      [operation.OPERATION_UPDATED, operation.OPERATION_UPDATED_V1_SCHEMA],
      [outcome.OUTCOME_RECORDED, outcome.OUTCOME_RECORDED_V1_SCHEMA],
      [outcome.OUTCOME_RETRACTED, outcome.OUTCOME_RETRACTED_V1_SCHEMA],
      ...TASKING_EVENT_SCHEMAS,
      ...INTELLIGENCE_EVENT_SCHEMAS,
      ...HANDOFF_EVENT_SCHEMAS,
      ...DECONFLICTION_EVENT_SCHEMAS,
      [BASELINE_REPORTED, BASELINE_REPORTED_V1_SCHEMA],
      [operationV2.OPERATION_REOPENED_V2, operationV2.OPERATION_REOPENED_V2_SCHEMA],
      [outcomeV2.OUTCOME_RECORDED_V2, outcomeV2.OUTCOME_RECORDED_V2_SCHEMA],
      [outcomeV2.OUTCOME_RETRACTED_V2, outcomeV2.OUTCOME_RETRACTED_V2_SCHEMA],
      ...TASKING_EVENT_V2_SCHEMAS,
      [DDTRO_REFUSED_V2, DDTRO_REFUSED_V2_SCHEMA],
      [OPERATION_FOCUS_LINES_SET_V2, OPERATION_FOCUS_LINES_SET_V2_SCHEMA],
    ] as const
  ).map(([kind, schema]) => [`${kind.type}@${kind.version}`, schema]),
);

export function validateEvent(event: unknown): FieldError[] {
  const envelopeErrors = checkSchema(ENVELOPE_SCHEMA, event);
  if (envelopeErrors.length) return envelopeErrors;
  const e = event as EventEnvelope;
  const schema = PAYLOAD_SCHEMAS[`${e.type}@${e.version}`];
  if (!schema) return [{ field: 'type', message: `unknown event type ${e.type} v${e.version}` }];
  return checkSchema(schema, e.payload).map((err) => ({ ...err, field: `payload.${err.field}` }));
}

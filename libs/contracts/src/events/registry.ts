import { EventEnvelope, ENVELOPE_SCHEMA } from './envelope';
import { OPERATION_CREATED, OPERATION_CREATED_V1_SCHEMA } from './v1/operation-events';
import { OUTCOME_RECORDED, OUTCOME_RECORDED_V1_SCHEMA } from './v1/outcome-events';
import { FieldError, checkSchema } from '../validation';

/** One schema per event type and version: producers and consumers validate against the same. */
const PAYLOAD_SCHEMAS: Record<string, object> = {
  [`${OPERATION_CREATED.type}@${OPERATION_CREATED.version}`]: OPERATION_CREATED_V1_SCHEMA,
  [`${OUTCOME_RECORDED.type}@${OUTCOME_RECORDED.version}`]: OUTCOME_RECORDED_V1_SCHEMA,
};

export function validateEvent(event: unknown): FieldError[] {
  const envelopeErrors = checkSchema(ENVELOPE_SCHEMA, event);
  if (envelopeErrors.length) return envelopeErrors;
  const e = event as EventEnvelope;
  const schema = PAYLOAD_SCHEMAS[`${e.type}@${e.version}`];
  if (!schema) return [{ field: 'type', message: `unknown event type ${e.type} v${e.version}` }];
  return checkSchema(schema, e.payload).map((err) => ({ ...err, field: `payload.${err.field}` }));
}

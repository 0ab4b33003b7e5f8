import { OUTCOME_BODY_SCHEMAS } from '../api/v1/outcome.schema';
import { EventKind, positiveInteger, uuid } from './v1/positioned-event-schema';

/** What every outcome event names, in every version: the outcome, its week and its version. */
export interface OutcomeEventSubject {
  outcomeId: string;
  operationId: string;
  version: number;
}

type BodySchema = (typeof OUTCOME_BODY_SCHEMAS)[keyof typeof OUTCOME_BODY_SCHEMAS];

/**
 * Any outcome body, each type's schema as `shape` makes it (without its `$id`); the
 * discriminator makes Ajv check only the branch `type` names: projections validate every event.
 */
export function anyOutcomeBody(shape: (schema: BodySchema) => object) {
  return {
    type: 'object',
    discriminator: { propertyName: 'type' },
    required: ['type'],
    oneOf: Object.values(OUTCOME_BODY_SCHEMAS).map(shape),
  };
}

/** An outcome event's payload schema: its subject, then the change that version carries. */
export function outcomeEventSchema(kind: EventKind, change: Record<string, object>): object {
  return {
    $id: `${kind.type}.v${kind.version}`,
    type: 'object',
    additionalProperties: false,
    required: ['outcomeId', 'operationId', 'version', ...Object.keys(change)],
    properties: { outcomeId: uuid, operationId: uuid, version: positiveInteger, ...change },
  };
}

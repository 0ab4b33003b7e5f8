import { LEGACY_LINE_REF, OUTCOME_BODY_SCHEMAS } from '../api/v1/outcome.schema';
import { EventKind, positiveInteger, uuid } from './v1/positioned-event-schema';

/** What every outcome event names, in every version: the outcome, its week and its version. */
export interface OutcomeEventSubject {
  outcomeId: string;
  operationId: string;
  version: number;
}

type BodySchema = (typeof OUTCOME_BODY_SCHEMAS)[keyof typeof OUTCOME_BODY_SCHEMAS];
/** A body schema as the event log takes it: `lineId` may be the free text of older events. */
type EventBodySchema = Omit<BodySchema, 'properties'> & {
  properties: Omit<BodySchema['properties'], 'lineId'> & { lineId: typeof LEGACY_LINE_REF };
};

/**
 * Any outcome body, each type's schema as `shape` makes it (without its `$id`); the
 * discriminator makes Ajv check only the branch `type` names: projections validate every event.
 * Events of every version accepted before line references were checked carry free text in
 * `lineId`, so the log's schemas still take it; consumers ignore a `lineId` that is not a uuid.
 */
export function anyOutcomeBody(shape: (schema: EventBodySchema) => object) {
  return {
    type: 'object',
    discriminator: { propertyName: 'type' },
    required: ['type'],
    oneOf: Object.values(OUTCOME_BODY_SCHEMAS).map((s) =>
      shape({ ...s, properties: { ...s.properties, lineId: LEGACY_LINE_REF } }),
    ),
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

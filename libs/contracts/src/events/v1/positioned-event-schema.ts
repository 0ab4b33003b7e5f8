export const uuid = { type: 'string', format: 'uuid' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const positiveInteger = { type: 'integer', minimum: 1 } as const;

export type EventKind = { type: string; version: number };

export interface PositionedEventShape {
  /** What a board counts of the aggregate: every field required, nothing else allowed. */
  position: Record<string, object>;
  /** The fields every event of the aggregate carries besides its position and `previous`. */
  common: Record<string, object>;
  /** The common fields required, in the order the schema lists them. */
  required: string[];
}

/**
 * The payload schema builder of an aggregate whose events say where it stood before
 * (`previous`, null for its first event) and where it stands now, so a projection adds
 * `count(now) − count(previous)`. Each event type adds its own fields to the common ones.
 */
export function positionedEventSchema(shape: PositionedEventShape) {
  const position = {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(shape.position),
    properties: shape.position,
  };
  const previous = { oneOf: [{ type: 'null' }, position] };
  return (
    kind: EventKind,
    extra: Record<string, object> = {},
    required: string[] = [],
  ): object => ({
    $id: `${kind.type}.v${kind.version}`,
    type: 'object',
    additionalProperties: false,
    required: [...shape.required, ...required],
    properties: { ...shape.position, ...shape.common, previous, ...extra },
  });
}

import { Role } from '../api/v1/auth';

export interface Actor {
  sub: string;
  role: Role;
  region?: string;
  force?: string;
}

/** Every event on every topic travels in this envelope; `type` + `version` select the payload schema. */
export interface EventEnvelope<P = unknown> {
  id: string;
  type: string;
  version: number;
  aggregateId: string;
  /** When the thing happened in the world (for outcomes: the reported time). */
  occurredAt: string;
  /** When the platform committed it. */
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  payload: P;
}

export const ENVELOPE_SCHEMA = {
  $id: 'event-envelope',
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'type',
    'version',
    'aggregateId',
    'occurredAt',
    'recordedAt',
    'actor',
    'correlationId',
    'payload',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', minLength: 1 },
    version: { type: 'integer', minimum: 1 },
    aggregateId: { type: 'string', minLength: 1 },
    occurredAt: { type: 'string', format: 'date-time' },
    recordedAt: { type: 'string', format: 'date-time' },
    actor: {
      type: 'object',
      additionalProperties: false,
      required: ['sub', 'role'],
      properties: {
        sub: { type: 'string' },
        role: { type: 'string' },
        region: { type: 'string' },
        force: { type: 'string' },
      },
    },
    correlationId: { type: 'string', minLength: 1 },
    causationId: { type: 'string' },
    payload: { type: 'object' },
  },
} as const;

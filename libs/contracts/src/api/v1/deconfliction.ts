import { REGION_CODES } from '@intensify/reference-data';
import { FieldError, Validated, checkSchema } from '../../validation';
import { personalDataError } from './personal-data';

/** open → acknowledged → resolved; handing to a region keeps the status and sets the region. */
export const DECONFLICTION_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type DeconflictionStatus = (typeof DECONFLICTION_STATUSES)[number];

export const DECONFLICTION_ACTIONS = ['acknowledge', 'resolve', 'hand-to-region'] as const;
export type DeconflictionAction = (typeof DECONFLICTION_ACTIONS)[number];

export const DECONFLICTION_NOTE_MAX = 1000;

/** Who took a step on an alert: the user's id and role (and region or force). */
export interface AlertActor {
  sub: string;
  role: string;
  region?: string;
  force?: string;
}

export interface DeconflictionActionInput {
  /** resolve: how the forces settled it; free text, kept in the register, never on an event. */
  note?: string;
  /** hand-to-region: the region to take the alert on. */
  region?: string;
}

function actionBody(name: string, properties: object, required: string[]): object {
  return {
    $id: `deconfliction-${name}.v1`,
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  };
}

export const DECONFLICTION_ACTION_SCHEMAS: Record<DeconflictionAction, object> = {
  acknowledge: actionBody('acknowledge', {}, []),
  resolve: actionBody(
    'resolve',
    {
      note: { type: 'string', minLength: 1, maxLength: DECONFLICTION_NOTE_MAX, pattern: '\\S' },
    },
    ['note'],
  ),
  'hand-to-region': actionBody(
    'hand-to-region',
    { region: { type: 'string', enum: REGION_CODES } },
    ['region'],
  ),
};

/** The body's shape, then a note free of personal data; the note is trimmed. */
export function validateDeconflictionAction(
  action: DeconflictionAction,
  raw: unknown,
): Validated<DeconflictionActionInput> {
  const errors: FieldError[] = checkSchema(DECONFLICTION_ACTION_SCHEMAS[action], raw ?? {});
  const body = { ...((raw ?? {}) as DeconflictionActionInput) };
  if (!errors.length && typeof body.note === 'string') {
    const message = personalDataError(body.note);
    if (message) errors.push({ field: 'note', message });
    body.note = body.note.trim();
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: body };
}

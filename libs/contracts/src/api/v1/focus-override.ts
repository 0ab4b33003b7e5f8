import { Validated, checkSchema } from '../../validation';
import { personalDataError } from './personal-data';

/** Why the NCLCC changed a week's focus forces by hand: a code the event may carry. */
export const FOCUS_OVERRIDE_REASONS = [
  'intelligence-update',
  'cross-border-activity',
  'capacity',
  'mutual-aid',
  'other',
] as const;
export type FocusOverrideReason = (typeof FOCUS_OVERRIDE_REASONS)[number];

/** `PUT /operations/{id}/focus-forces/{force}`: make the force a focus force or not, and why. */
export interface FocusForceOverrideRequest {
  focus: boolean;
  reasonCode: FocusOverrideReason;
  /** Free text: kept by the register and its audit trail, never on the event log. */
  reason: string;
}

/** One recorded override, newest first in `FocusLines.overrides`. */
export interface FocusForceOverride {
  force: string;
  focus: boolean;
  reasonCode: FocusOverrideReason;
  /** Shown to the NCLCC only. */
  reason?: string;
  by?: { sub: string; role: string };
  at: string;
}

export const FOCUS_FORCE_OVERRIDE_SCHEMA = {
  $id: 'focus-force-override.v1',
  type: 'object',
  additionalProperties: false,
  required: ['focus', 'reasonCode', 'reason'],
  properties: {
    focus: { type: 'boolean' },
    reasonCode: { type: 'string', enum: FOCUS_OVERRIDE_REASONS },
    reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
  },
} as const;

export function validateFocusForceOverride(raw: unknown): Validated<FocusForceOverrideRequest> {
  const errors = checkSchema(FOCUS_FORCE_OVERRIDE_SCHEMA, raw);
  if (errors.length) return { ok: false, errors };
  const body = raw as FocusForceOverrideRequest;
  const personal = personalDataError(body.reason);
  if (personal) return { ok: false, errors: [{ field: 'reason', message: personal }] };
  return { ok: true, value: { ...body, reason: body.reason.trim() } };
}

/**
 * The week's focus forces: those its focus lines touch, then each force's latest override
 * (`standing`, one per force) adding or removing it. Sorted, so equal sets compare equal.
 */
export function effectiveFocusForces(
  lineForces: string[],
  standing: Pick<FocusForceOverride, 'force' | 'focus'>[],
): string[] {
  const out = new Set(lineForces);
  for (const o of standing) {
    if (o.focus) out.add(o.force);
    else out.delete(o.force);
  }
  return [...out].sort();
}

import { FORCE_CODES } from '@intensify/reference-data';
import { FOCUS_OVERRIDE_REASONS, FocusForceOverride } from '../../api/v1/focus-override';
import {
  DDTRO_REFUSED,
  DdtroEventV1,
  FocusLinesSetV1,
  OPERATION_FOCUS_LINES_SET,
  ddtroEventSchema,
  focusLinesSetSchema,
} from '../v1/intelligence-events';

/** Version 2 of a refusal carries no reason: the register keeps it with the order (erasable there). */
export const DDTRO_REFUSED_V2 = { type: DDTRO_REFUSED.type, version: 2 } as const;

export type DdtroEventV2 = Omit<DdtroEventV1, 'reason'>;

export const DDTRO_REFUSED_V2_SCHEMA = ddtroEventSchema('ddtro.refused.v2', false);

/**
 * Version 2 of a week's focus adds the standing overrides of its focus forces (the latest per
 * force), by reason code: the reason's text stays in the register and its audit trail.
 */
export const OPERATION_FOCUS_LINES_SET_V2 = {
  type: OPERATION_FOCUS_LINES_SET.type,
  version: 2,
} as const;

export interface FocusLinesSetV2 extends FocusLinesSetV1 {
  overrides: Pick<FocusForceOverride, 'force' | 'focus' | 'reasonCode'>[];
}

export const OPERATION_FOCUS_LINES_SET_V2_SCHEMA = focusLinesSetSchema(
  'operation.focus-lines-set.v2',
  {
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['force', 'focus', 'reasonCode'],
        properties: {
          force: { type: 'string', enum: FORCE_CODES },
          focus: { type: 'boolean' },
          reasonCode: { type: 'string', enum: FOCUS_OVERRIDE_REASONS },
        },
      },
    },
  },
);

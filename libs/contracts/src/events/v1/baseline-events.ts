import { FORCE_CODES } from '@intensify/reference-data';
import { BASELINE_FIGURES_SCHEMA, BaselineFigures } from '../../api/v1/baseline';
import { ISO_WEEK_PATTERN } from '../../api/v1/iso-week';

export const BASELINE_REPORTED = { type: 'baseline.reported', version: 1 } as const;

/**
 * A force's figures for one ISO week outside intensification weeks, at `version`: figures only,
 * no free text. Keyed by force; a later version replaces an earlier one whole.
 */
export interface BaselineReportedV1 {
  force: string;
  isoWeek: string;
  version: number;
  figures: BaselineFigures;
}

const { $id: _id, ...figures } = BASELINE_FIGURES_SCHEMA;

export const BASELINE_REPORTED_V1_SCHEMA = {
  $id: 'baseline.reported.v1',
  type: 'object',
  additionalProperties: false,
  required: ['force', 'isoWeek', 'version', 'figures'],
  properties: {
    force: { type: 'string', enum: FORCE_CODES },
    isoWeek: { type: 'string', pattern: ISO_WEEK_PATTERN },
    version: { type: 'integer', minimum: 1 },
    figures: { ...figures, required: Object.keys(figures.properties) },
  },
} as const;

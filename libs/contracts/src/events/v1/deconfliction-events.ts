import { REGION_CODES } from '@intensify/reference-data';
import { DECONFLICTION_STATUSES, DeconflictionStatus } from '../../api/v1/deconfliction';

export const DECONFLICTION_ACKNOWLEDGED = {
  type: 'deconfliction.acknowledged',
  version: 1,
} as const;
export const DECONFLICTION_RESOLVED = { type: 'deconfliction.resolved', version: 1 } as const;
export const DECONFLICTION_HANDED = { type: 'deconfliction.handed', version: 1 } as const;

/**
 * A step taken on a deconfliction alert: its id, its `seq` after the step (shared with
 * `deconfliction.raised`, so copies are skipped), its status and the region it is handed to.
 * Codes and ids only: a resolution's note stays in the register.
 */
export interface DeconflictionStepV1 {
  alertId: string;
  seq: number;
  status: DeconflictionStatus;
  region: string | null;
}

const stepSchema = (id: string) => ({
  $id: id,
  type: 'object',
  additionalProperties: false,
  required: ['alertId', 'seq', 'status', 'region'],
  properties: {
    alertId: { type: 'string', format: 'uuid' },
    seq: { type: 'integer', minimum: 1 },
    status: { type: 'string', enum: DECONFLICTION_STATUSES },
    region: { oneOf: [{ type: 'null' }, { type: 'string', enum: REGION_CODES }] },
  },
});

export const DECONFLICTION_EVENT_SCHEMAS: [{ type: string; version: number }, object][] = [
  [DECONFLICTION_ACKNOWLEDGED, stepSchema('deconfliction.acknowledged.v1')],
  [DECONFLICTION_RESOLVED, stepSchema('deconfliction.resolved.v1')],
  [DECONFLICTION_HANDED, stepSchema('deconfliction.handed.v1')],
];

import { DDTRO_REFUSED, DdtroEventV1, ddtroEventSchema } from '../v1/intelligence-events';

/** Version 2 of a refusal carries no reason: the register keeps it with the order (erasable there). */
export const DDTRO_REFUSED_V2 = { type: DDTRO_REFUSED.type, version: 2 } as const;

export type DdtroEventV2 = Omit<DdtroEventV1, 'reason'>;

export const DDTRO_REFUSED_V2_SCHEMA = ddtroEventSchema('ddtro.refused.v2', false);

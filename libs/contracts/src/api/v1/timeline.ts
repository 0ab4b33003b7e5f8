import { OutcomeType } from './outcome.schema';

/** Outcomes of one hour (by `occurredAt`, UTC hour start), latest versions only, by type. */
export interface TimelineHour extends Record<OutcomeType, number> {
  hour: string;
  total: number;
}

/** `GET /api/v1/operations/{id}/board/timeline`: hours with outcomes, oldest first. */
export interface BoardTimeline {
  operationId: string;
  /** The force or region the figures are limited to; both null for the national timeline. */
  force: string | null;
  region: string | null;
  hours: TimelineHour[];
}

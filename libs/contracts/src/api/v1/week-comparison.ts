import { PublishedWeekResult } from '@intensify/reference-data';

/** The headline measures weeks are compared on: those the national releases publish. */
export const COMPARISON_MEASURES = [
  'arrests',
  'safeguarded',
  'cashPence',
  'weapons',
  'linesClosed',
] as const;
export type ComparisonMeasure = (typeof COMPARISON_MEASURES)[number];
export type ComparisonFigures = Record<ComparisonMeasure, number>;

/** One week's figures, over its first `hours` hours or (hours null) the whole week. */
export interface ComparedWeek {
  operationId: string;
  name: string;
  startsAt: string;
  endsAt: string;
  national: ComparisonFigures;
  regions: Record<string, ComparisonFigures>;
  forces: Record<string, ComparisonFigures>;
}

/**
 * `GET /api/v1/operations/{id}/comparison`: this week against earlier intensification weeks in
 * the system, at the same hours into the week while it is live and as whole weeks once it is
 * closed; plus the published national results (whole weeks, national only).
 */
export interface WeekComparison {
  operationId: string;
  basis: 'same-hours' | 'whole-weeks';
  /** Hours since the week started, counted in whole hours begun; null for whole weeks. */
  hoursIntoWeek: number | null;
  thisWeek: ComparedWeek;
  /** Earlier weeks, newest first. */
  earlierWeeks: ComparedWeek[];
  published: PublishedWeekResult[];
}

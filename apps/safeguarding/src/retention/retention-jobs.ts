/** Queue of the retention check; its Redis keys carry the environment's `REDIS_PREFIX`. */
export const RETENTION_QUEUE = 'safeguarding-retention';

/** The one repeating check: upserted on start, so a new interval replaces the old one. */
export const RETENTION_SCHEDULER = 'erase-closed-subjects';

/** What a run did, kept as the job's return value. */
export interface RetentionRun {
  erased: number;
}

/** Hand-offs erased per transaction: a long backlog never holds many row locks at once. */
export const RETENTION_BATCH = 100;

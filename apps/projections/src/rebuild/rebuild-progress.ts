export type RebuildPhase = 'idle' | 'preparing' | 'replaying' | 'swapping' | 'done' | 'failed';

export interface RebuildProgress {
  phase: RebuildPhase;
  startedAt?: string;
  finishedAt?: string;
  /** Messages in the topics when last measured, and how many the rebuild has passed. */
  total: number;
  done: number;
  eventsPerSecond: number;
  retiredSchema?: string;
  error?: string;
}

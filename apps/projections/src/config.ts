import { readServiceEnv, ServiceEnv, str } from '@intensify/runtime';

export interface ProjectionsEnv extends ServiceEnv<'PROJECTIONS'> {
  /** Consumer group of the live read models; a rebuild uses another. */
  PROJECTIONS_GROUP_ID: string;
}

export const PROJECTIONS_ENV = Symbol('PROJECTIONS_ENV');
export const SCHEMA = 'projections';

export function loadProjectionsEnv(): ProjectionsEnv {
  return readServiceEnv('PROJECTIONS', 3102, {
    PROJECTIONS_GROUP_ID: str('projections.board.v1'),
  });
}

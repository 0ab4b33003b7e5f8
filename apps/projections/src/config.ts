import { COMMON_ENV, CommonEnv, EnvSpec, int, readEnv, str } from '@intensify/runtime';

export interface ProjectionsEnv extends CommonEnv {
  PROJECTIONS_PORT: number;
  /** Consumer group of the live read models; a rebuild uses another. */
  PROJECTIONS_GROUP_ID: string;
}

const SPEC: EnvSpec<ProjectionsEnv> = {
  ...COMMON_ENV,
  PROJECTIONS_PORT: int(3102, 1, 65535),
  PROJECTIONS_GROUP_ID: str('projections.board.v1'),
};

export const PROJECTIONS_ENV = Symbol('PROJECTIONS_ENV');
export const SCHEMA = 'projections';

export function loadProjectionsEnv(): ProjectionsEnv {
  return readEnv(SPEC);
}

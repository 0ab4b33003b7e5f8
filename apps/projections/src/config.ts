import {
  COMMON_ENV,
  CommonEnv,
  EnvSpec,
  int,
  INTERNAL_SERVICE_ENV,
  InternalServiceEnv,
  metricsPort,
  readEnv,
  str,
} from '@intensify/runtime';

export interface ProjectionsEnv extends CommonEnv, InternalServiceEnv {
  PROJECTIONS_PORT: number;
  /** Unset: PROJECTIONS_PORT + 1000; 0: no metrics listener. */
  PROJECTIONS_METRICS_PORT?: number;
  /** Consumer group of the live read models; a rebuild uses another. */
  PROJECTIONS_GROUP_ID: string;
}

const SPEC: EnvSpec<ProjectionsEnv> = {
  ...COMMON_ENV,
  ...INTERNAL_SERVICE_ENV,
  PROJECTIONS_PORT: int(3102, 1, 65535),
  PROJECTIONS_METRICS_PORT: metricsPort,
  PROJECTIONS_GROUP_ID: str('projections.board.v1'),
};

export const PROJECTIONS_ENV = Symbol('PROJECTIONS_ENV');
export const SCHEMA = 'projections';

export function loadProjectionsEnv(): ProjectionsEnv {
  return readEnv(SPEC);
}

import { consumerGroup } from '@intensify/contracts';
import { METRICS_PORT_OFFSET } from '@intensify/runtime';
import { loadGatewayEnv } from '../../../apps/gateway/src/config';
import { loadIntelligenceEnv } from '../../../apps/intelligence/src/config';
import { LINE_OUTCOMES_GROUP } from '../../../apps/intelligence/src/line-outcomes/line-outcomes.consumer';
import { PROVIDER_DEADLINES_GROUP } from '../../../apps/intelligence/src/ddtros/deadlines/provider-deadlines.consumer';
import { loadProjectionsEnv } from '../../../apps/projections/src/config';
import { FOCUS_FORCES_GROUP } from '../../../apps/reporting/src/operations/focus-forces/focus-forces.consumer';
import { loadReportingEnv } from '../../../apps/reporting/src/config';
import { DEADLINES_GROUP as HANDOFF_DEADLINES_GROUP } from '../../../apps/safeguarding/src/deadlines/deadlines.consumer';
import { loadSafeguardingEnv } from '../../../apps/safeguarding/src/config';
import { DEADLINES_GROUP as TASKING_DEADLINES_GROUP } from '../../../apps/tasking/src/deadlines/deadlines.consumer';
import { loadTaskingEnv } from '../../../apps/tasking/src/config';

/** What a service made of its environment that the deployment must agree with. */
export interface ServiceFacts {
  apiPort: number;
  probePort: number;
  /** Its consumer groups, with the environment's prefix. */
  groups: string[];
}

type Env = Record<string, string>;

/** Runs a loader that reads `process.env` against another environment. */
function withProcessEnv<T>(env: Env, load: () => T): T {
  const saved = process.env;
  process.env = { ...env };
  try {
    return load();
  } finally {
    process.env = saved;
  }
}

function internal(name: string, load: () => any, groups: (env: any) => string[]) {
  return (source: Env): ServiceFacts => {
    const env = withProcessEnv(source, load);
    const apiPort = env[`${name}_PORT`];
    const probePort = env[`${name}_METRICS_PORT`] ?? apiPort + METRICS_PORT_OFFSET;
    const prefixed = groups(env).map((g) => consumerGroup(env.KAFKA_TOPIC_PREFIX, g));
    return { apiPort, probePort, groups: prefixed };
  };
}

/**
 * Each service's own configuration loader, run against a pod's environment: it throws, naming
 * the variable, exactly where the service would refuse to start.
 */
export const SERVICES: Record<string, (env: Env) => ServiceFacts> = {
  gateway: (source) => {
    const env = loadGatewayEnv(source);
    return {
      apiPort: env.PORT,
      probePort: env.METRICS_PORT ?? env.PORT + METRICS_PORT_OFFSET,
      groups: [],
    };
  },
  reporting: internal('REPORTING', loadReportingEnv, () => [FOCUS_FORCES_GROUP]),
  projections: internal('PROJECTIONS', loadProjectionsEnv, (env) => [env.PROJECTIONS_GROUP_ID]),
  tasking: internal('TASKING', loadTaskingEnv, () => [TASKING_DEADLINES_GROUP]),
  intelligence: internal('INTELLIGENCE', loadIntelligenceEnv, () => [
    LINE_OUTCOMES_GROUP,
    PROVIDER_DEADLINES_GROUP,
  ]),
  safeguarding: internal('SAFEGUARDING', loadSafeguardingEnv, () => [HANDOFF_DEADLINES_GROUP]),
};

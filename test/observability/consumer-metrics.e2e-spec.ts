import { consumerGroup, TopicKey, topics } from '@intensify/contracts';
import { ServiceName } from '@intensify/testing';
import { runEnv } from '../support/run-env';

/** Each service's consumer (all built on the shared host) and a topic it reads. */
const CONSUMERS: [service: ServiceName, group: string, topic: TopicKey][] = [
  ['reporting', 'reporting.focus-forces.v1', 'intelligence'],
  ['tasking', 'tasking.deadlines.v1', 'taskings'],
  ['intelligence', 'intelligence.ddtro-deadlines.v1', 'intelligence'],
  ['projections', 'projections.board.v1', 'outcomes'],
  ['safeguarding', 'safeguarding.deadlines.v1', 'safeguarding'],
];

async function series(url: string, metric: string): Promise<string[]> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  return (await res.text()).split('\n').filter((line) => line.startsWith(`${metric}{`));
}

describe('consumer metrics', () => {
  it.each(CONSUMERS)(
    '%s shows the lag of every partition its group %s reads, and the events it applied',
    async (service, group, topic) => {
      const env = runEnv();
      const url = env.metricsUrls[service];
      const groupLabel = `group="${consumerGroup(env.topicPrefix, group)}"`;
      const spec = topics(env.topicPrefix)[topic];

      const lag = (await series(url, 'intensify_consumer_lag_messages')).filter(
        (line) => line.includes(groupLabel) && line.includes(`topic="${spec.name}"`),
      );
      expect(lag).toHaveLength(spec.partitions);
      for (const line of lag) expect(line).toMatch(/\} \d+$/);

      const applied = (await series(url, 'intensify_consumer_events_applied_total')).filter(
        (line) => line.includes(groupLabel),
      );
      expect(applied).toHaveLength(1);
      expect(applied[0]).toMatch(/\} \d+$/);
    },
  );
});

import { TopicSpec } from '@intensify/contracts';
import { Manifest } from './load-kustomization';

const PART_OF = 'app.kubernetes.io/part-of';
const of = (objects: Manifest[], kind: string, name?: string) =>
  objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  !!selector && Object.entries(selector).every(([k, v]) => labels[k] === v);

/** A service's Deployment with a Service, a PodDisruptionBudget and a CPU autoscaler on its pods. */
export function workloadProblems(objects: Manifest[], service: string): string[] {
  const [deployment] = of(objects, 'Deployment', service);
  if (!deployment) return [`${service}: no Deployment`];
  const problems: string[] = [];
  const labels = deployment.spec.template.metadata.labels;
  if (!of(objects, 'Service').some((s) => selects(s.spec.selector, labels)))
    problems.push(`${service}: no Service selects its pods`);
  if (!of(objects, 'PodDisruptionBudget').some((p) => selects(p.spec.selector.matchLabels, labels)))
    problems.push(`${service}: no PodDisruptionBudget covers its pods`);
  const hpa = of(objects, 'HorizontalPodAutoscaler').find(
    (h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === service,
  );
  if (!hpa) return [...problems, `${service}: no HorizontalPodAutoscaler`];
  if (!hpa.spec.metrics?.some((m: any) => m.type === 'Resource' && m.resource.name === 'cpu'))
    problems.push(`${service}: its autoscaler does not follow CPU`);
  if (deployment.spec.replicas !== hpa.spec.minReplicas)
    problems.push(
      `${service}: ${deployment.spec.replicas} replicas, autoscaler minimum ${hpa.spec.minReplicas}`,
    );
  return problems;
}

/** The autoscaler follows the lag gauge of each consumer group the service runs. */
export function lagScalingProblems(
  objects: Manifest[],
  service: string,
  lagMetric: string,
  groups: string[],
): string[] {
  const hpa = of(objects, 'HorizontalPodAutoscaler').find(
    (h) => h.spec.scaleTargetRef.name === service,
  );
  const followed = (hpa?.spec.metrics ?? [])
    .filter((m: any) => m.type === 'External' && m.external.metric.name === lagMetric)
    .map((m: any) => m.external.metric.selector?.matchLabels?.group);
  const problems = groups
    .filter((g) => !followed.includes(g))
    .map((g) => `${service}: the autoscaler does not follow ${lagMetric} of group ${g}`);
  for (const g of followed) {
    if (!groups.includes(g)) problems.push(`${service}: the autoscaler follows unknown group ${g}`);
  }
  return problems;
}

/** Probes on the listener and paths the service serves them on; API port as configured. */
export function probeProblems(
  deployment: Manifest,
  ports: { api: number; probes: number },
  paths: { live: string; ready: string },
): string[] {
  const container = deployment.spec.template.spec.containers[0];
  const name = deployment.metadata.name;
  const portOf = (p: number | string) =>
    typeof p === 'number' ? p : container.ports?.find((c: any) => c.name === p)?.containerPort;
  const problems: string[] = [];
  if (portOf('http') !== ports.api)
    problems.push(`${name}: port http is ${portOf('http')}, the service listens on ${ports.api}`);
  const expect = {
    livenessProbe: paths.live,
    readinessProbe: paths.ready,
    startupProbe: paths.live,
  };
  for (const [probe, path] of Object.entries(expect)) {
    const get = container[probe]?.httpGet;
    if (!get) problems.push(`${name}: no ${probe} over HTTP`);
    else if (get.path !== path || portOf(get.port) !== ports.probes)
      problems.push(
        `${name}: ${probe} asks ${portOf(get.port)}${get.path}, not ${ports.probes}${path}`,
      );
  }
  return problems;
}

/** Peers that let anyone in: an empty peer, a bare namespace selector or an address block. */
const openPeer = (peer: any) =>
  Object.keys(peer).length === 0 ||
  (!!peer.namespaceSelector && !peer.podSelector) ||
  !!peer.ipBlock;

/**
 * Only the public service's API port is open to everyone; every other service's API port only
 * to the platform's own pods.
 */
export function networkProblems(
  objects: Manifest[],
  service: string,
  apiPort: number,
  isPublic: boolean,
): string[] {
  const [deployment] = of(objects, 'Deployment', service);
  const labels = deployment?.spec.template.metadata.labels ?? {};
  const policies = of(objects, 'NetworkPolicy').filter((p) =>
    selects(p.spec.podSelector.matchLabels, labels),
  );
  if (!policies.length) return [`${service}: no NetworkPolicy, every pod may call it`];
  const rules = policies.flatMap((p) => p.spec.ingress ?? []);
  const apiRules = rules.filter((r: any) => r.ports?.some((p: any) => p.port === apiPort) ?? true);
  const open = apiRules.some((r: any) => !r.from || r.from.some(openPeer));
  if (isPublic && !open) return [`${service}: its API port is not reachable from outside`];
  if (!isPublic && open) return [`${service}: its API port is reachable from outside the platform`];
  const strangers = apiRules.some((r: any) =>
    r.from?.some(
      (peer: any) => peer.podSelector && peer.podSelector.matchLabels?.[PART_OF] !== 'intensify',
    ),
  );
  return strangers ? [`${service}: pods outside the platform may call its API`] : [];
}

/** The KafkaTopics are exactly the platform's topics, replicated three ways, two in sync. */
export function topicProblems(objects: Manifest[], expected: TopicSpec[]): string[] {
  const declared = new Map(
    of(objects, 'KafkaTopic').map((t) => [t.spec.topicName ?? t.metadata.name, t.spec]),
  );
  const problems: string[] = [];
  for (const t of expected) {
    const spec = declared.get(t.name);
    if (!spec) {
      problems.push(`topic ${t.name} is not declared`);
      continue;
    }
    declared.delete(t.name);
    if (spec.partitions !== t.partitions)
      problems.push(
        `topic ${t.name}: ${spec.partitions} partitions, the platform declares ${t.partitions}`,
      );
    if (Number(spec.config?.['retention.ms']) !== t.retentionMs)
      problems.push(
        `topic ${t.name}: retention ${spec.config?.['retention.ms']}, not ${t.retentionMs}`,
      );
    if (spec.replicas !== 3 || Number(spec.config?.['min.insync.replicas']) !== 2)
      problems.push(`topic ${t.name}: not 3 replicas with 2 in sync`);
  }
  for (const name of declared.keys()) problems.push(`topic ${name} is not one of the platform's`);
  return problems;
}

/** Kafka in KRaft mode on three nodes, PostgreSQL on three instances, Redis appending to a file. */
export function dataStoreProblems(objects: Manifest[]): string[] {
  const problems: string[] = [];
  const [kafka] = of(objects, 'Kafka');
  const pools = of(objects, 'KafkaNodePool').filter(
    (p) => p.metadata.labels?.['strimzi.io/cluster'] === kafka?.metadata.name,
  );
  if (kafka?.metadata.annotations?.['strimzi.io/kraft'] !== 'enabled')
    problems.push('Kafka is not in KRaft mode');
  const roles = (role: string) =>
    pools.filter((p) => p.spec.roles?.includes(role)).reduce((n, p) => n + p.spec.replicas, 0);
  if (roles('broker') < 3 || roles('controller') < 3)
    problems.push('Kafka needs three brokers and three controllers');
  if (Number(kafka?.spec.kafka.config?.['min.insync.replicas']) !== 2)
    problems.push('Kafka: min.insync.replicas is not 2');
  const [db] = of(objects, 'Cluster');
  if (db?.spec.instances !== 3) problems.push('PostgreSQL: not three instances');
  const redisConf = of(objects, 'ConfigMap').find((c) => c.data?.['redis.conf'])?.data[
    'redis.conf'
  ];
  if (!/^appendonly yes$/m.test(redisConf ?? '')) problems.push('Redis: no append-only file');
  if (!/^maxmemory-policy noeviction$/m.test(redisConf ?? ''))
    problems.push('Redis: may evict keys (BullMQ jobs)');
  return problems;
}

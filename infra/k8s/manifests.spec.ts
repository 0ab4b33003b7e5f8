import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topics } from '@intensify/contracts';
import { messagingMetrics } from '@intensify/messaging';
import { PROBE_PATHS, readDatabaseSsl, readKafkaSecurity } from '@intensify/runtime';
import {
  dataStoreProblems,
  lagScalingProblems,
  networkProblems,
  probeProblems,
  topicProblems,
  workloadProblems,
} from './check/cross-references';
import { loadKustomization, Manifest } from './check/load-kustomization';
import { containerEnv } from './check/pod-env';
import { SERVICES } from './check/service-facts';
import { schemaProblems } from './check/validate-schema';

const OVERLAY = join(__dirname, 'overlays', 'production');
const APPS = readdirSync(join(__dirname, '..', '..', 'apps'));
const LAG_METRIC = (messagingMetrics.lag as unknown as { name: string }).name;

const keys = generateKeyPairSync('ed25519');
/** Stand-ins for what the environment's secrets hold, in the shape the services parse. */
const secretValue = (secret: string, key: string): string =>
  ({
    'signing-key.pem': keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'verify-key.pem': keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    uri: 'postgresql://intensify:s3cret@intensify-db-rw.intensify:5432/intensify',
  })[key] ?? `placeholder-${secret}-${key.replace(/\W/g, '-')}`;

const deploymentOf = (objects: Manifest[], service: string) =>
  objects.find((o) => o.kind === 'Deployment' && o.metadata.name === service)!;

/** Every fault of a rendered deployment; empty when it is sound. */
function problemsOf(objects: Manifest[]): string[] {
  const root = mkdtempSync(join(tmpdir(), 'intensify-pod-'));
  try {
    const problems = objects.flatMap(schemaProblems);
    const prefix = objects.find((o) => o.metadata.name === 'intensify-config')?.data
      ?.KAFKA_TOPIC_PREFIX;
    problems.push(...topicProblems(objects, Object.values(topics(prefix))));
    problems.push(...dataStoreProblems(objects));
    for (const service of APPS) {
      const workload = workloadProblems(objects, service);
      problems.push(...workload);
      if (workload.some((p) => p.endsWith('no Deployment'))) continue;
      const deployment = deploymentOf(objects, service);
      const pod = containerEnv(objects, deployment, secretValue, join(root, service));
      problems.push(...pod.problems);
      try {
        const facts = SERVICES[service](pod.env);
        readDatabaseSsl(pod.env);
        readKafkaSecurity(pod.env);
        problems.push(
          ...probeProblems(
            deployment,
            { api: facts.apiPort, probes: facts.probePort },
            PROBE_PATHS,
          ),
          ...lagScalingProblems(objects, service, LAG_METRIC, facts.groups),
          ...networkProblems(objects, service, facts.apiPort, service === 'gateway'),
        );
      } catch (e) {
        problems.push(`${service} would not start: ${(e as Error).message}`);
      }
    }
    return problems;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the Kubernetes deployment (infra/k8s)', () => {
  const rendered = loadKustomization(OVERLAY);
  const broken = (change: (objects: Manifest[]) => void) => {
    const copy = structuredClone(rendered);
    change(copy);
    return problemsOf(copy);
  };
  const find = (objects: Manifest[], kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name)!;
  const container = (objects: Manifest[], service: string) =>
    deploymentOf(objects, service).spec.template.spec.containers[0];

  it('renders every service, Kafka, PostgreSQL and Redis, and nothing in it is at fault', () => {
    const kinds = new Set(rendered.map((o) => o.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining(['Deployment', 'Kafka', 'KafkaTopic', 'Cluster', 'StatefulSet']),
    );
    expect(APPS.length).toBeGreaterThanOrEqual(6);
    expect(problemsOf(rendered)).toEqual([]);
  });

  it('refuses an object that breaks the Kubernetes schema', () => {
    const problems = broken((o) => {
      container(o, 'tasking').ports[0].containerPort = 'http';
    });
    expect(problems).toContainEqual(expect.stringMatching(/Deployment tasking: .*containerPort/));
  });

  it("refuses an operator's resource missing what its CRD requires", () => {
    const problems = broken((o) => {
      delete find(o, 'KafkaNodePool', 'dual-role').spec.roles;
    });
    expect(problems).toContainEqual(expect.stringMatching(/KafkaNodePool dual-role: .*roles/));
  });

  it('finds a reference to a ConfigMap key or Secret that does not exist', () => {
    const problems = broken((o) => {
      const env = container(o, 'reporting').env;
      env.find((v: any) => v.name === 'DATABASE_URL').valueFrom.secretKeyRef.key = 'url';
    });
    expect(problems).toContain('Deployment reporting: Secret intensify-db-app has no key url');
  });

  it('finds a service that would refuse to start: a required variable unset, a file not mounted', () => {
    const problems = broken((o) => {
      const tasking = container(o, 'tasking');
      tasking.env = tasking.env.filter((v: any) => v.name !== 'SERVICE_VERIFY_KEY');
      const reporting = deploymentOf(o, 'reporting').spec.template.spec;
      reporting.containers[0].volumeMounts = reporting.containers[0].volumeMounts.filter(
        (m: any) => m.name !== 'kafka-ca',
      );
    });
    expect(problems).toContainEqual(
      expect.stringMatching(/^tasking would not start: .*SERVICE_VERIFY_KEY/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^reporting would not start: .*KAFKA_SSL_CA_FILE/),
    );
  });

  it('finds probes that ask a path or port the service does not serve them on', () => {
    const problems = broken((o) => {
      container(o, 'projections').readinessProbe.httpGet.path = '/internal/health';
      container(o, 'gateway').livenessProbe.httpGet.port = 'http';
    });
    expect(problems).toContainEqual(expect.stringMatching(/^projections: readinessProbe asks/));
    expect(problems).toContainEqual(expect.stringMatching(/^gateway: livenessProbe asks/));
  });

  it('finds a service without disruption budget, or scaled without its consumer lag', () => {
    const problems = broken((o) => {
      o.splice(o.indexOf(find(o, 'PodDisruptionBudget', 'safeguarding')), 1);
      find(o, 'HorizontalPodAutoscaler', 'intelligence').spec.metrics.pop();
    });
    expect(problems).toContain('safeguarding: no PodDisruptionBudget covers its pods');
    expect(problems).toContainEqual(
      expect.stringMatching(/^intelligence: the autoscaler does not follow intensify_consumer_lag/),
    );
  });

  it('finds an internal service opened to the outside', () => {
    const problems = broken((o) => {
      find(o, 'NetworkPolicy', 'reporting').spec.ingress[0].from = [{}];
    });
    expect(problems).toContain('reporting: its API port is reachable from outside the platform');
  });

  it('finds topics that differ from libs/contracts/src/events/topics.ts', () => {
    const problems = broken((o) => {
      o.splice(o.indexOf(find(o, 'KafkaTopic', 'intensify-baselines-v1')), 1);
      find(o, 'KafkaTopic', 'intensify-outcomes-v1').spec.partitions = 12;
    });
    expect(problems).toContain('topic intensify.baselines.v1 is not declared');
    expect(problems).toContain(
      'topic intensify.outcomes.v1: 12 partitions, the platform declares 6',
    );
  });
});

import { startTestPlatform } from '../support/global-setup';
import { CLUSTER, clusterBrokers, stack } from './stack';

/**
 * Starts (or finds running) the suite's three-node cluster on CLUSTER_BASE_PORT (19092 unless
 * set: never the shared broker's 9092), then the platform with two instances of every service.
 */
export default async function clusterSetup(): Promise<void> {
  const started = Date.now();
  await stack('up', '--brokers', String(CLUSTER.nodes), '--base-port', String(CLUSTER.basePort));
  process.env.KAFKA_BROKERS = clusterBrokers();
  // Twelve services and three brokers start at once on a shared machine: give them time.
  await startTestPlatform({ instances: 2, healthTimeoutMs: 600_000 });
  console.log(`\ncluster and platform ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

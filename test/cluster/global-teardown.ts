import globalTeardown from '../support/global-teardown';
import { stack } from './stack';

/** Stops the platform (balancers included), then the cluster unless KEEP_CLUSTER=1. */
export default async function clusterTeardown(): Promise<void> {
  await globalTeardown();
  if (process.env.KEEP_CLUSTER !== '1') await stack('down');
}

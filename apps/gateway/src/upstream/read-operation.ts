import { Operation } from '@intensify/contracts';
import { UpstreamClient } from './upstream.client';

/** An operation from its owner, the reporting service; its 404 problem passes through. */
export async function readOperation(upstream: UpstreamClient, id: string): Promise<Operation> {
  const path = `/internal/operations/${encodeURIComponent(id)}`;
  return (await upstream.call<Operation>('reporting', 'GET', path)).body;
}

import { INTERNAL, Operation } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { UpstreamClient } from './upstream.client';

/** An operation from its owner, the reporting service; its 404 problem passes through. */
export async function readOperation(upstream: UpstreamClient, id: string): Promise<Operation> {
  return (await upstream.send(INTERNAL.reporting.operations.get, { params: { id } })).body;
}

/** An operation that is still open; a closed one is a 409 saying what it no longer takes. */
export async function readOpenOperation(
  upstream: UpstreamClient,
  id: string,
  closedMeans: string,
): Promise<Operation> {
  const op = await readOperation(upstream, id);
  if (op.status === 'closed')
    throw new ProblemError('operation_closed', `Operation ${op.id} is closed; ${closedMeans}`);
  return op;
}

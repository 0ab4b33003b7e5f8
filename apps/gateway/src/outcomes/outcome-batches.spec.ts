import { Principal } from '@intensify/auth';
import { OutcomeBatch, OutcomeBatchResults, Outcome } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { UpstreamClient } from '../upstream/upstream.client';
import { OutcomeBatches } from './outcome-batches';

type Item = OutcomeBatch['items'][number];

/** Reporting as seen by the gateway: each call waits until the test answers it. */
class FakeReporting {
  calls: { actor: Principal; items: Item[]; answer: (a: OutcomeBatchResults | Error) => void }[] =
    [];

  send(_route: unknown, call: { actor: Principal; body: OutcomeBatch }) {
    return new Promise((resolve, reject) => {
      this.calls.push({
        actor: call.actor,
        items: call.body.items,
        answer: (a) => (a instanceof Error ? reject(a) : resolve({ status: 200, body: a })),
      });
    });
  }
}

const actor = (sub: string): Principal =>
  ({ sub, role: 'regional-coordinator', region: 'north-west' }) as unknown as Principal;
const item = (key: string): Item => ({
  operationId: '00000000-0000-4000-8000-000000000001',
  idempotencyKey: key,
  correlationId: `c-${key}`,
  outcome: { type: 'arrest', force: 'GMP' } as unknown as Outcome,
});
const accepted = (items: Item[]): OutcomeBatchResults => ({
  results: items.map((i) => ({ status: 202 as const, id: `id-${i.idempotencyKey}` })),
});
const tick = () => new Promise((r) => setImmediate(r));

describe('OutcomeBatches', () => {
  let reporting: FakeReporting;
  let batches: OutcomeBatches;
  beforeEach(() => {
    reporting = new FakeReporting();
    batches = new OutcomeBatches(reporting as unknown as UpstreamClient);
  });

  it('sends an outcome at once when nothing is in flight', async () => {
    const answer = batches.record(actor('a'), item('k1'));
    await tick();
    expect(reporting.calls).toHaveLength(1);
    expect(reporting.calls[0].items.map((i) => i.idempotencyKey)).toEqual(['k1']);
    reporting.calls[0].answer(accepted(reporting.calls[0].items));
    await expect(answer).resolves.toEqual({
      status: 202,
      body: { id: 'id-k1', status: 'accepted' },
    });
  });

  it('sends what arrives while two calls are in flight together, in order, each with its own answer', async () => {
    const first = [batches.record(actor('a'), item('k1')), batches.record(actor('a'), item('k2'))];
    const later = ['k3', 'k4', 'k5'].map((k) => batches.record(actor('a'), item(k)));
    await tick();
    expect(reporting.calls.map((c) => c.items.length)).toEqual([1, 1]);
    reporting.calls[0].answer(accepted(reporting.calls[0].items));
    await tick();
    expect(reporting.calls).toHaveLength(3);
    expect(reporting.calls[2].items.map((i) => i.idempotencyKey)).toEqual(['k3', 'k4', 'k5']);
    reporting.calls[1].answer(accepted(reporting.calls[1].items));
    reporting.calls[2].answer({
      results: [
        { status: 200, id: 'earlier' },
        {
          status: 409,
          problem: new ProblemError('idempotency_conflict', 'used before').toProblem(),
        },
        { status: 202, id: 'id-k5' },
      ],
    });
    await expect(Promise.all(first)).resolves.toHaveLength(2);
    await expect(later[0]).resolves.toEqual({
      status: 200,
      body: { id: 'earlier', status: 'accepted' },
    });
    await expect(later[1]).rejects.toMatchObject({ code: 'idempotency_conflict', status: 409 });
    await expect(later[2]).resolves.toMatchObject({ status: 202 });
  });

  it('never puts two actors in one call: each call carries its own actor', async () => {
    void batches.record(actor('a'), item('k1'));
    void batches.record(actor('b'), item('k2'));
    await tick();
    expect(reporting.calls.map((c) => [c.actor.sub, c.items.map((i) => i.idempotencyKey)])).toEqual(
      [
        ['a', ['k1']],
        ['b', ['k2']],
      ],
    );
  });

  it('fails every outcome of a call that got no answer, and the next call still goes', async () => {
    const a = batches.record(actor('a'), item('k1'));
    await tick();
    reporting.calls[0].answer(new ProblemError('service_unavailable', 'down'));
    await expect(a).rejects.toMatchObject({ status: 503 });
    const b = batches.record(actor('a'), item('k2'));
    await tick();
    reporting.calls[1].answer(accepted(reporting.calls[1].items));
    await expect(b).resolves.toMatchObject({ status: 202 });
  });
});

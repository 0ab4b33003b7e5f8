import { ChangeWriter } from './change-writer';
import { runDeadline, DeadlineVerdict } from './deadlines';
import { NotYetDue } from './delayed-jobs';
import { WriteContext } from './record-changes';

const now = new Date('2026-10-06T12:00:00.000Z');
const actor = { sub: 'system:test-deadlines', role: 'nclcc' as const };

/** A writer that runs the work at `now` without a database, and remembers who asked. */
function fakeWriter(): { writer: ChangeWriter; requests: unknown[] } {
  const requests: unknown[] = [];
  const writer = {
    inTransaction: (request: unknown, work: (ctx: WriteContext) => Promise<unknown>) => {
      requests.push(request);
      return work({ now } as WriteContext);
    },
  } as unknown as ChangeWriter;
  return { writer, requests };
}

function run(verdict: DeadlineVerdict<'mark-overdue'>) {
  const { writer, requests } = fakeWriter();
  const acted: string[] = [];
  const result = runDeadline(writer, actor, {
    what: 'the deadline of h',
    lock: async () => ({ id: 'h' }),
    decide: (row, at) => (row.id === 'h' && at === now ? verdict : 'ignore'),
    act: async (_ctx, row, decision) => void acted.push(`${decision}:${row.id}`),
  });
  return { result, acted, requests };
}

describe('runDeadline', () => {
  it('acts on the locked subject when the deadline applies, as the deadlines actor', async () => {
    const { result, acted, requests } = run('mark-overdue');
    await expect(result).resolves.toBe('mark-overdue');
    expect(acted).toEqual(['mark-overdue:h']);
    expect(requests).toEqual([{ actor, correlationId: expect.any(String) }]);
  });

  it('changes nothing when the deadline no longer applies', async () => {
    const { result, acted } = run('ignore');
    await expect(result).resolves.toBe('ignore');
    expect(acted).toEqual([]);
  });

  it('throws NotYetDue before its time, so the queue tries again', async () => {
    const { result, acted } = run('not-yet-due');
    await expect(result).rejects.toThrow(new NotYetDue('the deadline of h is not due yet'));
    expect(acted).toEqual([]);
  });
});

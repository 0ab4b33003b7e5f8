// @ts-expect-error -- a browser ES module of the home page, without type declarations
import * as home from '../../public/home/home-model.js';

const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';
const names = new Map([
  [MET, 'Metropolitan Police'],
  [MERSEYSIDE, 'Merseyside'],
]);
const at = '2026-10-06T10:00:00.000Z';

const tasking = (over: Record<string, unknown>) => ({
  force: MERSEYSIDE,
  action: 'Close the line',
  priority: 'P2',
  dueAt: at,
  status: 'issued',
  overdue: false,
  escalated: false,
  ...over,
});

describe('home page model', () => {
  it('gives a card for every page of the role but home itself', () => {
    const pages = [
      { href: '/', label: 'Home' },
      { href: '/taskings', label: 'Taskings' },
    ];
    expect(home.cardsFor(pages).map((p: { href: string }) => p.href)).toEqual(['/taskings']);
    expect(home.actOn(pages, '/ddtros', '/lines')).toBe('/lines');
    expect(home.actOn(pages, '/taskings', '/lines')).toBe('/taskings');
  });

  it('asks a force to acknowledge issued taskings and act on overdue ones, overdue first', () => {
    const needs = home.taskingNeeds(
      [
        tasking({ action: 'Acknowledge me' }),
        tasking({ action: 'Late', status: 'in-progress', overdue: true }),
        tasking({ action: 'Done', status: 'completed', overdue: true }),
        tasking({ action: 'Under way', status: 'acknowledged' }),
      ],
      { role: 'force', force: MERSEYSIDE },
      names,
    );
    expect(needs.map((n: { title: string }) => n.title)).toEqual([
      'Overdue tasking (P2): Late',
      'Tasking awaiting acknowledgement (P2): Acknowledge me',
    ]);
    expect(needs[0]).toMatchObject({ urgent: true, href: '/taskings' });
    const linked = home.taskingNeeds(
      [tasking({ id: 't-1', operationId: 'op-1' })],
      { role: 'force', force: MERSEYSIDE },
      names,
    );
    expect(linked[0].href).toBe('/taskings?operation=op-1&tasking=t-1');
    expect(needs[1].detail).toMatch(/^Merseyside, due /);
  });

  it('shows the NCLCC only overdue or escalated taskings', () => {
    const needs = home.taskingNeeds(
      [tasking({}), tasking({ escalated: true, overdue: true, priority: 'P1' })],
      { role: 'nclcc' },
      names,
    );
    expect(needs).toHaveLength(1);
    expect(needs[0].detail).toMatch(/escalated$/);
  });

  it('lists hand-offs raised to the home forces in scope (the NCLCC: the overdue)', () => {
    const handoff = (over: Record<string, unknown>) => ({
      id: 'h-1',
      status: 'raised',
      homeForce: MERSEYSIDE,
      foundForce: MET,
      ageGroup: 'child',
      acknowledgeBy: at,
      overdue: false,
      ...over,
    });
    const list = [
      handoff({}),
      handoff({ homeForce: MET, foundForce: MERSEYSIDE }),
      handoff({ status: 'acknowledged' }),
      handoff({ overdue: true }),
    ];
    const force = home.handoffNeeds(list, { role: 'force' }, [MERSEYSIDE], names);
    expect(force[0].href).toBe('/safeguarding?handoff=h-1');
    expect(force.map((n: { title: string }) => n.title)).toEqual([
      'Overdue hand-off: child found by Metropolitan Police',
      'Hand-off awaiting acknowledgement: child found by Metropolitan Police',
    ]);
    expect(home.handoffNeeds(list, { role: 'nclcc' }, [MET, MERSEYSIDE], names)).toHaveLength(1);
  });

  it('flags granted orders whose provider deadline is past or within two days', () => {
    const now = Date.parse(at);
    const order = (hours: number, over: Record<string, unknown> = {}) => ({
      status: 'granted',
      providerDeadline: new Date(now + hours * 3_600_000).toISOString(),
      providerOverdue: false,
      ...over,
    });
    const needs = home.ddtroNeeds(
      [order(24), order(72), order(-1, { providerOverdue: true }), order(1, { status: 'refused' })],
      now,
      '/ddtros',
    );
    expect(needs.map((n: { urgent: boolean }) => n.urgent)).toEqual([true, false]);
    expect(needs[0].href).toBe('/ddtros');
  });

  it('tells deconfliction alerts by kind and forces, never by the shared value', () => {
    const [need] = home.alertNeeds(
      [{ kind: 'holder', value: 'LH-0042', forces: [MET, MERSEYSIDE] }],
      names,
      '/lines',
    );
    expect(need.title).toBe('Deconfliction: a line holder shared by 2 forces');
    expect(JSON.stringify(need)).not.toContain('LH-0042');
  });

  it("picks the active week starting last, and the board's headline figures", () => {
    const weeks = [
      { id: 'a', status: 'active', startsAt: '2026-10-01T00:00:00Z' },
      { id: 'b', status: 'active', startsAt: '2026-10-05T00:00:00Z' },
      { id: 'c', status: 'planned', startsAt: '2026-11-05T00:00:00Z' },
    ];
    expect(home.activeWeek(weeks).id).toBe('b');
    expect(home.activeWeek([weeks[2]])).toBeNull();
    const board = {
      national: {
        arrests: 7,
        safeguardedChildren: 2,
        safeguardedAdults: 1,
        lines: { closedType1: 1, closedType2: 2 },
      },
      taskings: { overdue: 4 },
    };
    expect(home.headlineFigures(board)).toEqual([
      ['Arrests', 7],
      ['People safeguarded', 3],
      ['Lines closed', 3],
      ['Taskings overdue', 4],
    ]);
  });

  it('lists replacement numbers no order followed, by brand and never by number', () => {
    const alert = (over: Record<string, unknown>) => ({
      id: 'r',
      lineId: 'l',
      number: '07700900123',
      brand: 'Blue',
      raisedAt: at,
      appliedDdtroId: null,
      ...over,
    });
    const needs = home.replacementNeeds([alert({}), alert({ appliedDdtroId: 'd' })], '/ddtros');
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({
      href: '/ddtros',
      title: 'Replacement number on Blue: no DDTRO applied for yet',
    });
    expect(JSON.stringify(needs)).not.toContain('07700900123');
  });

  it('counts unread notifications in words and lists the newest five with their links', () => {
    const note = (i: number) => ({ title: `Note ${i}`, href: `/taskings?tasking=${i}`, at });
    const many = home.inboxSummary(7, [1, 2, 3, 4, 5, 6].map(note));
    expect(many.status).toBe('7 unread notifications, the newest 5 below.');
    expect(many.items.map((n: { href: string }) => n.href)).toEqual(
      [1, 2, 3, 4, 5].map((i) => `/taskings?tasking=${i}`),
    );
    expect(home.inboxSummary(1, [note(1)]).status).toBe('1 unread notification.');
    expect(home.inboxSummary(0, [])).toEqual({ status: 'No unread notifications.', items: [] });
  });
});

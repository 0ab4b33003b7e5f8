import { EventEnvelope } from '@intensify/contracts';
import { inboxAudiences, Principal } from '@intensify/auth';
import { notificationOf } from './notifications';

const KENT = 'E23000032'; // eastern
const MET = 'E23000001'; // london
const LEICESTERSHIRE = 'E23000021'; // east-midlands
const BTP = 'BTP';
const OP = '6f1c1d53-3a8a-4a51-9a43-0d2f1c4c2b11';
const TASKING = '0d6c8f0e-2b8a-4c55-9c1e-6f0b7a1d2e3f';
const HANDOFF = '9b2f8e7a-1c3d-4e5f-8a6b-7c8d9e0f1a2b';
const LINE = '3a4b5c6d-7e8f-4a1b-8c2d-3e4f5a6b7c8d';
const ALERT = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

let n = 0;
function event(type: string, payload: object): EventEnvelope {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type,
    version: 1,
    aggregateId: 'x',
    occurredAt: '2026-10-06T09:00:00.000Z',
    recordedAt: '2026-10-06T09:00:00.000Z',
    actor: { sub: 'someone', role: 'nclcc' },
    correlationId: 'c',
    payload,
  };
}

const tasking = (type: string, force = KENT, priority = 'P2', seq = 1) =>
  event(type, {
    operationId: OP,
    taskingId: TASKING,
    seq,
    force,
    status: 'issued',
    overdue: false,
    priority,
    dueAt: '2026-10-07T09:00:00.000Z',
    previous: null,
  });

const handoff = (type: string, extra: object = {}) =>
  event(type, {
    handoffId: HANDOFF,
    operationId: OP,
    seq: 1,
    foundForce: LEICESTERSHIRE,
    homeForce: MET,
    ageGroup: 'child',
    status: 'raised',
    overdue: false,
    acknowledgeBy: '2026-10-07T09:00:00.000Z',
    previous: null,
    ...extra,
  });

const USERS = {
  nclcc: { sub: 'n', role: 'nclcc' },
  kent: { sub: 'k', role: 'force', force: KENT },
  met: { sub: 'm', role: 'force', force: MET },
  btp: { sub: 'b', role: 'force', force: BTP },
  eastern: { sub: 'e', role: 'regional', region: 'eastern' },
  london: { sub: 'l', role: 'regional', region: 'london' },
  eastMidlands: { sub: 'em', role: 'regional', region: 'east-midlands' },
  easternCommander: { sub: 'ec', role: 'commander', region: 'eastern' },
  londonCommander: { sub: 'lc', role: 'commander', region: 'london' },
  nationalCommander: { sub: 'nc', role: 'commander' },
} satisfies Record<string, Principal>;
type User = keyof typeof USERS;

/** Who among USERS sees the notification the event gives. */
function recipients(e: EventEnvelope): User[] {
  const found = notificationOf(e);
  if (!found) return [];
  return (Object.keys(USERS) as User[]).filter((u) =>
    inboxAudiences(USERS[u]).some((a) => found.audiences.includes(a)),
  );
}

describe('inbox recipients', () => {
  it('tells the tasked force and its regional coordinator of a new tasking, nobody else', () => {
    expect(recipients(tasking('tasking.issued'))).toEqual(['kent', 'eastern']);
  });

  it('tells the force and its region of reminders, reassignments and a P2 overdue', () => {
    expect(recipients(tasking('tasking.reminder-due'))).toEqual(['kent', 'eastern']);
    expect(recipients(tasking('tasking.reassigned', MET))).toEqual(['met', 'london']);
    expect(recipients(tasking('tasking.overdue'))).toEqual(['kent', 'eastern']);
  });

  it('adds the NCLCC for an overdue P1', () => {
    expect(recipients(tasking('tasking.overdue', KENT, 'P1'))).toEqual([
      'nclcc',
      'kent',
      'eastern',
    ]);
  });

  it('tells the NCLCC and the commanders of the region and nation of an escalation', () => {
    expect(recipients(tasking('tasking.escalated', KENT, 'P1'))).toEqual([
      'nclcc',
      'kent',
      'eastern',
      'easternCommander',
      'nationalCommander',
    ]);
  });

  it('tells only national commanders of an escalation at BTP, which has no region', () => {
    expect(recipients(tasking('tasking.escalated', BTP, 'P1'))).toEqual([
      'nclcc',
      'btp',
      'nationalCommander',
    ]);
  });

  it('tells the home force and its region of a hand-off raised, not the found side', () => {
    expect(recipients(handoff('handoff.raised'))).toEqual(['met', 'london']);
    expect(recipients(handoff('handoff.redirected', { homeForce: KENT }))).toEqual([
      'kent',
      'eastern',
    ]);
  });

  it('tells those an overdue hand-off was escalated to: the home region and the NCLCC', () => {
    const overdue = handoff('handoff.overdue', {
      overdue: true,
      escalatedAt: '2026-10-07T09:00:00.000Z',
      escalatedTo: ['london', 'nclcc'],
    });
    expect(recipients(overdue)).toEqual(['nclcc', 'london']);
  });

  it('tells the NCLCC alone of replacement numbers and providers overdue', () => {
    const replacement = event('ddtro.replacement-number-detected', {
      alertId: ALERT,
      lineId: LINE,
      ddtroIds: [TASKING],
    });
    expect(recipients(replacement)).toEqual(['nclcc']);
    const provider = event('ddtro.provider-overdue', {
      ddtroId: TASKING,
      lineId: LINE,
      batchId: OP,
      seq: 3,
      status: 'granted',
      at: '2026-10-07T09:00:00.000Z',
    });
    expect(recipients(provider)).toEqual(['nclcc']);
  });

  it('tells the regions a deconfliction alert names, and the NCLCC', () => {
    const alert = event('deconfliction.raised', {
      alertId: ALERT,
      seq: 1,
      kind: 'number',
      forces: [KENT, MET],
      regions: ['eastern', 'london'],
      lineIds: [LINE, TASKING],
    });
    expect(recipients(alert)).toEqual(['nclcc', 'eastern', 'london']);
  });

  it('tells the coordinator of the region an alert is handed to, and nobody else', () => {
    const handed = event('deconfliction.handed', {
      alertId: ALERT,
      seq: 3,
      status: 'acknowledged',
      region: 'east-midlands',
    });
    expect(recipients(handed)).toEqual(['eastMidlands']);
    expect(notificationOf(handed)).toMatchObject({
      kind: 'deconfliction.handed',
      href: `/deconfliction?alert=${ALERT}`,
      alertId: ALERT,
      region: 'east-midlands',
      title: 'Deconfliction alert handed to East Midlands to act on',
    });
    const raised = notificationOf(
      event('deconfliction.raised', {
        alertId: ALERT,
        seq: 3,
        kind: 'number',
        forces: [KENT],
        regions: ['eastern'],
        lineIds: [LINE],
      }),
    )!;
    expect(notificationOf(handed)!.id).not.toBe(raised.id);
    expect(raised.href).toBe(`/deconfliction?alert=${ALERT}`);
  });

  it('tells every commander of a week opening and closing', () => {
    const commanders = ['easternCommander', 'londonCommander', 'nationalCommander'];
    const created = event('operation.created', {
      operationId: OP,
      name: 'Week',
      startsAt: '2026-10-06T00:00:00.000Z',
      endsAt: '2026-10-12T23:59:59.000Z',
      focusForces: [],
    });
    expect(recipients(created)).toEqual(commanders);
    const closed = event('operation.closed', { operationId: OP, closedAt: created.occurredAt });
    expect(recipients(closed)).toEqual(commanders);
  });

  it('makes nothing of events that need nobody', () => {
    expect(notificationOf(tasking('tasking.acknowledged'))).toBeNull();
    expect(notificationOf(handoff('handoff.closed'))).toBeNull();
  });
});

describe('inbox notifications', () => {
  it('derives the same id from a copy of the event, and another from the next event', () => {
    const first = notificationOf(tasking('tasking.issued'))!;
    expect(notificationOf(tasking('tasking.issued'))!.id).toBe(first.id);
    expect(notificationOf(tasking('tasking.reminder-due', KENT, 'P2', 2))!.id).not.toBe(first.id);
    expect(first.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('links to the page that acts on it and names no person, only codes and reference data', () => {
    const t = notificationOf(tasking('tasking.issued'))!;
    expect(t).toMatchObject({
      kind: 'tasking.issued',
      href: `/taskings?operation=${OP}&tasking=${TASKING}`,
      operationId: OP,
      taskingId: TASKING,
      force: KENT,
      region: 'eastern',
      title: 'New P2 tasking for Kent',
    });
    const h = notificationOf(handoff('handoff.raised'))!;
    expect(h.href).toBe(`/safeguarding?handoff=${HANDOFF}`);
    expect(h.title).toBe(
      'Hand-off of a child found by Leicestershire for Metropolitan Police Service',
    );
  });
});

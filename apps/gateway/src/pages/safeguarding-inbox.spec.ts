// @ts-expect-error -- a browser ES module of the safeguarding page, without type declarations
import * as model from '../../public/safeguarding/handoff-model.js';

const MET = 'E23000001';
const WEST_MIDLANDS = 'E23000014';
const LEICESTERSHIRE = 'E23000021';
const KENT = 'E23000032';
const REGIONS: Record<string, string> = {
  [MET]: 'london',
  [WEST_MIDLANDS]: 'west-midlands',
  [LEICESTERSHIRE]: 'east-midlands',
  [KENT]: 'eastern',
};
const regionOf = (f: string) => REGIONS[f];

let n = 0;
function handoff(over: Record<string, unknown> = {}) {
  n++;
  return {
    id: `h-${String(n).padStart(3, '0')}`,
    status: 'raised',
    foundForce: LEICESTERSHIRE,
    homeForce: MET,
    subjectRef: `LEI-SG-${n}`,
    foundAt: '2026-11-20T10:00:00.000Z',
    acknowledgeBy: '2026-11-21T10:00:00.000Z',
    overdue: false,
    ...over,
  };
}

const metLead = { role: 'force', force: MET };
const leicsLead = { role: 'force', force: LEICESTERSHIRE };
const london = { role: 'regional', region: 'london' };
const eastMidlands = { role: 'regional', region: 'east-midlands' };
const nclcc = { role: 'nclcc' };

describe('the safeguarding inbox', () => {
  it('puts a hand-off in the home force’s and home region’s inbox, in the finder’s sent list', () => {
    const h = handoff();
    expect(model.isIncoming(metLead, h, regionOf)).toBe(true);
    expect(model.isIncoming(london, h, regionOf)).toBe(true);
    expect(model.isIncoming(leicsLead, h, regionOf)).toBe(false);
    expect(model.isIncoming(eastMidlands, h, regionOf)).toBe(false);
    expect(model.isSent(leicsLead, h, regionOf)).toBe(true);
    expect(model.isSent(eastMidlands, h, regionOf)).toBe(true);
    expect(model.isSent(metLead, h, regionOf)).toBe(false);
    // The NCLCC's inbox holds every hand-off; it raises none of its own to list as sent.
    expect(model.isIncoming(nclcc, h, regionOf)).toBe(true);
    expect(model.isSent(nclcc, h, regionOf)).toBe(false);
  });

  it('lets the home force, its region and the NCLCC act, never the finder or a commander', () => {
    const h = handoff();
    expect(model.mayAct(metLead, h, regionOf)).toBe(true);
    expect(model.mayAct(london, h, regionOf)).toBe(true);
    expect(model.mayAct(nclcc, h, regionOf)).toBe(true);
    expect(model.mayAct(leicsLead, h, regionOf)).toBe(false);
    expect(model.mayAct(eastMidlands, h, regionOf)).toBe(false);
    expect(model.mayAct({ role: 'commander' }, h, regionOf)).toBe(false);
    // After a redirect to West Midlands, the Met no longer acts on it.
    const redirected = { ...h, homeForce: WEST_MIDLANDS };
    expect(model.mayAct(metLead, redirected, regionOf)).toBe(false);
    expect(model.mayAct({ role: 'force', force: WEST_MIDLANDS }, redirected, regionOf)).toBe(true);
  });

  it('orders overdue first, then by deadline, closed last, whatever order they came in', () => {
    const soon = handoff({ acknowledgeBy: '2026-11-21T09:00:00.000Z' });
    const later = handoff({ acknowledgeBy: '2026-11-23T10:00:00.000Z' });
    const overdueLate = handoff({ acknowledgeBy: '2026-11-20T12:00:00.000Z', overdue: true });
    const overdueEarly = handoff({ acknowledgeBy: '2026-11-20T11:00:00.000Z', overdue: true });
    const acknowledged = handoff({
      status: 'acknowledged',
      acknowledgeBy: '2026-11-22T10:00:00.000Z',
    });
    const closed = handoff({ status: 'closed', acknowledgeBy: '2026-11-19T10:00:00.000Z' });
    const expected = [overdueEarly, overdueLate, soon, acknowledged, later, closed];
    for (const shuffled of [[...expected].reverse(), [later, closed, soon, ...expected]]) {
      const { incoming } = model.splitLists(metLead, [...new Set(shuffled)], regionOf);
      expect(incoming.map((h: { id: string }) => h.id)).toEqual(expected.map((h) => h.id));
    }
  });

  it('splits one stream into the inbox and the sent list of each user', () => {
    const toMet = handoff();
    const fromMet = handoff({ foundForce: MET, homeForce: KENT });
    const elsewhere = handoff({ foundForce: KENT, homeForce: WEST_MIDLANDS });
    const items = [toMet, fromMet, elsewhere];
    const ids = (l: { id: string }[]) => l.map((h) => h.id);
    const met = model.splitLists(metLead, items, regionOf);
    expect(ids(met.incoming)).toEqual([toMet.id]);
    expect(ids(met.sent)).toEqual([fromMet.id]);
    const all = model.splitLists(nclcc, items, regionOf);
    expect(ids(all.incoming).sort()).toEqual(ids(items).sort());
    expect(all.sent).toEqual([]);
  });

  it('says how a raised hand-off’s deadline stands, and nothing once acknowledged', () => {
    const now = Date.parse('2026-11-21T06:30:00.000Z');
    expect(model.deadlineText(handoff(), now)).toBe('3 h 30 min left');
    expect(
      model.deadlineText(
        handoff({ acknowledgeBy: '2026-11-21T06:00:00.000Z', overdue: true }),
        now,
      ),
    ).toBe('30 min overdue');
    // Past the deadline before the service has marked it: still said to be overdue.
    expect(model.deadlineText(handoff({ acknowledgeBy: '2026-11-21T06:29:30.000Z' }), now)).toBe(
      'under a minute overdue',
    );
    expect(model.deadlineText(handoff({ acknowledgeBy: '2026-11-24T10:00:00.000Z' }), now)).toBe(
      '3 days left',
    );
    expect(model.deadlineText(handoff({ status: 'acknowledged' }), now)).toBeNull();
  });

  it('tells each step of the history in words, naming forces and the service', () => {
    const name = (f: string) => ({ [MET]: 'Met', [WEST_MIDLANDS]: 'West Midlands' })[f] ?? f;
    expect(model.historyText({ action: 'raise', homeForce: MET }, name)).toBe('Raised to Met');
    expect(
      model.historyText(
        { action: 'redirect', from: MET, homeForce: WEST_MIDLANDS, reason: 'Family moved' },
        name,
      ),
    ).toBe('Redirected from Met to West Midlands (reason: Family moved)');
    expect(model.historyText({ action: 'acknowledge', owner: 'MET-DS-0042' }, name)).toBe(
      'Acknowledged by owner MET-DS-0042',
    );
    expect(model.historyText({ action: 'close', outcome: 'strategy-meeting' }, name)).toBe(
      'Closed: Strategy meeting held',
    );
    expect(model.historyText({ action: 'overdue' }, name)).toBe('Overdue, escalated');
    const region = (r: string) => ({ london: 'London' })[r] ?? r;
    expect(
      model.historyText({ action: 'overdue', escalatedTo: ['london', 'nclcc'] }, name, region),
    ).toBe('Overdue, escalated to London and the NCLCC');
    expect(model.actorText({ sub: 'u1', role: 'force', force: MET }, name)).toBe('u1 (force, Met)');
    expect(model.actorText(undefined, name)).toBe('the service');
  });
});

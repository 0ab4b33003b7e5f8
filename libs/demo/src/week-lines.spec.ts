import { validateOutcomeBody } from '@intensify/contracts';
import { Random } from './random';
import { planWeekOutcomes } from './week-outcomes';
import { holderNetwork, nameRegisterLines, RegisterLine, WeekLines } from './week-lines';

const MET = 'E23000001';
const KENT = 'E23000030';
const ESSEX = 'E23000029';
const FOCUS = [MET, KENT];

const NAMES = ['f1', 'f2', 'f3', 'f4', 'h1', 'h2', 'h3', 'o1', 'o2', 'o3'];
/** Register ids are uuids; the names say which part of the network a line is. */
const idOf = (name: string) =>
  `00000000-0000-4000-8000-${String(NAMES.indexOf(name)).padStart(12, '0')}`;
const nameOf = (id: unknown) => NAMES[Number(String(id).slice(-12))];

const line = (name: string, exportingForce: string, importingForces: string[]): RegisterLine => ({
  id: idOf(name),
  recordedBy: exportingForce,
  exportingForce,
  importingForces,
  status: 'active',
  numbers: [`${name}-a`, `${name}-b`],
});

/** Focus lines f1–f4 from the Met into Kent, h1–h3 their holders' other lines, o1–o3 others. */
const week: WeekLines = {
  lines: [
    ...['f1', 'f2', 'f3', 'f4'].map((id) => line(id, MET, [KENT])),
    ...['h1', 'h2', 'h3'].map((id) => line(id, MET, [ESSEX])),
    ...['o1', 'o2', 'o3'].map((id) => line(id, ESSEX, [])),
  ],
  focusLineIds: ['f1', 'f2', 'f3', 'f4'].map(idOf),
  holderLineIds: ['h1', 'h2', 'h3'].map(idOf),
};
const forcesOf = new Map(
  week.lines.map((l) => [l.id, [l.recordedBy, l.exportingForce, ...l.importingForces]]),
);

function plan(seed: number) {
  const outcomes = planWeekOutcomes(new Random(seed), 0.3);
  const applications = nameRegisterLines(new Random(seed), outcomes, week, FOCUS);
  return { outcomes, applications };
}

describe('demo results naming register lines', () => {
  it('names only lines the reporting force may read, and keeps every result valid', () => {
    const { outcomes } = plan(1);
    const named = outcomes.filter((o) => o.body.lineId);
    expect(named.length).toBeGreaterThan(20);
    for (const o of named) {
      expect(forcesOf.get(o.body.lineId as string)).toContain(o.body.force);
      const checked = validateOutcomeBody({ ...o.body, occurredAt: '2026-11-20T10:00:00.000Z' });
      expect(checked.ok ? [] : checked.errors).toEqual([]);
    }
    expect(named.some((o) => o.body.type === 'arrest')).toBe(true);
    expect(outcomes.some((o) => o.body.type === 'safeguarding' && o.body.lineId)).toBe(false);
  });

  it("sends the focus forces' results mostly to the focus lines and their holders' lines", () => {
    const { outcomes } = plan(2);
    const ofEssex = outcomes.filter((o) => o.body.force === ESSEX && o.body.lineId);
    const network = ofEssex.filter((o) => /^[fh]/.test(nameOf(o.body.lineId)));
    // Essex is no focus force: its lines are picked by weight alone (h 2, o 1).
    expect(ofEssex.length).toBeGreaterThan(network.length);
    const ofMet = outcomes.filter((o) => o.body.force === MET && o.body.lineId);
    expect(ofMet.every((o) => /^[fh]/.test(nameOf(o.body.lineId)))).toBe(true);
  });

  it('closes a line once, names no closed line later, and leaves some focus lines open', () => {
    for (const seed of [3, 4, 5]) {
      const { outcomes } = plan(seed);
      const closedAt = new Map<string, number>();
      outcomes.forEach((o, i) => {
        const id = o.body.lineId as string | undefined;
        if (!id) return;
        expect(closedAt.has(id)).toBe(false);
        if (String(o.body.action).startsWith('closed-')) closedAt.set(id, i);
      });
      const focusClosed = week.focusLineIds.filter((id) => closedAt.has(id));
      const focusDisrupted = outcomes.filter(
        (o) => week.focusLineIds.includes(o.body.lineId as string) && o.body.action === 'disrupted',
      );
      expect(focusClosed.length).toBeGreaterThan(0);
      expect(focusClosed.length).toBeLessThan(week.focusLineIds.length);
      expect(focusDisrupted.length).toBeGreaterThan(0);
    }
  });

  it('applies register DDTROs for the numbers a closure flags, once per line', () => {
    let applied = 0;
    for (const seed of [6, 7, 8, 9]) {
      const { outcomes, applications } = plan(seed);
      const seen = new Set<string>();
      for (const [i, a] of applications) {
        const body = outcomes[i].body;
        expect(body.action).toBe('closed-type2');
        expect(body.lineId).toBe(a.lineId);
        expect(body.ddtroApplied).toBe(a.numbers.length);
        expect(body.ddtroGranted).toBe(a.granted);
        expect(a.numbers.every((n) => n.startsWith(`${nameOf(a.lineId)}-`))).toBe(true);
        expect(seen.has(a.lineId)).toBe(false);
        seen.add(a.lineId);
        applied++;
      }
    }
    expect(applied).toBeGreaterThan(0);
  });

  it("finds the focus lines' network from the holders' lines", () => {
    const holders = [
      { lines: [{ lineId: 'f1' }, { lineId: 'h1' }, { lineId: 'f2' }] },
      { lines: [{ lineId: 'h2' }, { lineId: 'o1' }] },
      { lines: [{ lineId: 'f3' }, { lineId: 'h3' }, { lineId: 'h1' }] },
    ];
    expect(holderNetwork(['f1', 'f2', 'f3'], holders)).toEqual(['h1', 'h3']);
  });
});

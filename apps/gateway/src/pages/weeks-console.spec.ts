// @ts-expect-error -- a browser ES module of the weeks console, without type declarations
import * as weeks from '../../public/weeks/weeks-model.js';
// @ts-expect-error -- the pages' shared units, without type declarations
import { isoToLocalInput } from '../../public/common/units.js';

const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';
const CHESHIRE = 'E23000006';
const names = new Map([
  [MET, 'Metropolitan Police'],
  [MERSEYSIDE, 'Merseyside'],
  [CHESHIRE, 'Cheshire'],
]);

describe('weeks console model', () => {
  it('sends every field on create and only what changed on edit', () => {
    const body = weeks.createBody({ name: 'W', startsAt: '2027-01-04T09:00', endsAt: '' });
    expect(body.name).toBe('W');
    expect(new Date(body.startsAt).getTime()).toBe(new Date('2027-01-04T09:00').getTime());
    expect(body.endsAt).toBeNull();

    const week = {
      name: 'Week',
      startsAt: '2027-01-04T09:00:00.000Z',
      endsAt: '2027-01-11T09:00:00.000Z',
    };
    const same = {
      name: 'Week',
      startsAt: isoToLocalInput(week.startsAt),
      endsAt: isoToLocalInput(week.endsAt),
    };
    expect(weeks.editBody(week, same)).toEqual({});
    const moved = weeks.editBody(week, { ...same, name: 'Renamed', endsAt: '2027-01-12T09:00' });
    expect(Object.keys(moved).sort()).toEqual(['endsAt', 'name']);
  });

  it('lists weeks newest first', () => {
    const list = [
      { id: 'a', startsAt: '2026-01-01T00:00:00Z' },
      { id: 'b', startsAt: '2026-06-01T00:00:00Z' },
    ];
    expect(weeks.weeksInOrder(list).map((w: { id: string }) => w.id)).toEqual(['b', 'a']);
  });

  it('gives one bar per line, labelled with its rank, valued by its points', () => {
    const bars = weeks.rankingBars([
      { lineId: 'x', rank: 1, brand: 'Alpha', score: 100 },
      { lineId: 'y', rank: 2, brand: 'Bravo', score: 25 },
    ]);
    expect(bars).toEqual([
      { label: '1. Alpha', value: 100 },
      { label: '2. Bravo', value: 25 },
    ]);
  });

  it('says why each force is a focus force, and which the overrides removed', () => {
    const focus = {
      focusForces: [MET, CHESHIRE],
      lineForces: [MET, MERSEYSIDE],
      overrides: [
        { force: MERSEYSIDE, focus: false, reasonCode: 'capacity', at: 'x' },
        { force: CHESHIRE, focus: true, reasonCode: 'other', reason: 'Hub', at: 'x' },
      ],
    };
    expect(weeks.focusForceRows(focus, names)).toEqual([
      { force: CHESHIRE, name: 'Cheshire', focus: true, why: 'Added by override' },
      { force: MERSEYSIDE, name: 'Merseyside', focus: false, why: 'Removed by override' },
      { force: MET, name: 'Metropolitan Police', focus: true, why: 'Focus lines' },
    ]);
    expect(weeks.overrideRow(focus.overrides[1], names)).toMatchObject({
      force: 'Cheshire',
      change: 'Made a focus force',
      reason: 'Other: Hub',
    });
    expect(weeks.overrideRow(focus.overrides[0], names).reason).toBe('Capacity');
  });
});

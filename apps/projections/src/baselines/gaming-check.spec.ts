import {
  addIsoWeeks,
  BaselineFigures,
  gamingCheckWeeks,
  isoWeeksTouched,
  zeroBaselineFigures,
} from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { consumed } from '../read-models/outcome-events.fixture';
import { latestBaselines } from './baselines.apply';
import { byConcern, checkForce } from './gaming-check';

const WEEK = '2026-W20';
const figures = (f: Partial<BaselineFigures>): BaselineFigures => ({
  ...zeroBaselineFigures(),
  ...f,
});

/** Sixteen weeks before WEEK: `baseline` for the twelve oldest, `recent` for the four nearest. */
function history(baseline: Partial<BaselineFigures>, recent: Partial<BaselineFigures>) {
  const weeks = new Map<string, BaselineFigures>();
  for (let n = 1; n <= 16; n++)
    weeks.set(addIsoWeeks(WEEK, -n), figures(n <= 4 ? recent : baseline));
  return weeks;
}

describe('gaming check', () => {
  it('reaches back past the weeks of other intensification weeks instead of counting them', () => {
    const skip = new Set(['2026-W01', '2025-W45', '2025-W44']);
    const { recent, baseline } = gamingCheckWeeks('2026-W03', skip);
    expect(recent).toEqual(['2025-W50', '2025-W51', '2025-W52', '2026-W02']);
    expect(baseline[0]).toBe('2025-W36');
    expect(baseline).toHaveLength(12);
    expect([...recent, ...baseline].filter((w) => skip.has(w))).toEqual([]);
  });

  it('names every ISO week an intensification week touches, its last instant excluded', () => {
    // Monday 2026-12-28 is in 2026-W53; a week ending at Monday 00:00 does not touch that week.
    expect(
      isoWeeksTouched(new Date('2026-12-24T06:00:00Z'), new Date('2027-01-04T00:00:00Z')),
    ).toEqual(['2026-W52', '2026-W53']);
    expect(
      isoWeeksTouched(new Date('2026-10-05T00:00:00Z'), new Date('2026-10-12T00:00:00Z')),
    ).toEqual(['2026-W41']);
  });

  it('judges the four weeks before against the twelve before those', () => {
    expect(gamingCheckWeeks('2026-W03')).toEqual({
      recent: ['2025-W51', '2025-W52', '2026-W01', '2026-W02'],
      baseline: [
        '2025-W39',
        '2025-W40',
        '2025-W41',
        '2025-W42',
        '2025-W43',
        '2025-W44',
        '2025-W45',
        '2025-W46',
        '2025-W47',
        '2025-W48',
        '2025-W49',
        '2025-W50',
      ],
    });
  });

  it('flags a dip of 30% or more and says how large it was', () => {
    const result = checkForce('E23000001', WEEK, history({ arrests: 40 }, { arrests: 22 }));
    const arrests = result.figures.find((f) => f.figure === 'arrests')!;
    expect(arrests).toEqual({
      figure: 'arrests',
      recentMean: 22,
      baselineMean: 40,
      dropPercent: 45,
      flagged: true,
    });
    expect(result.status).toBe('flagged');
    expect(result.findings).toEqual([
      'reported 45% fewer arrests than its baseline in the four weeks before',
    ]);
  });

  it('does not flag a dip under the threshold, a rise, or a dip on a figure too small to judge', () => {
    const result = checkForce(
      'E23000001',
      WEEK,
      history({ arrests: 40, charged: 20, phones: 8 }, { arrests: 29, charged: 30, phones: 1 }),
    );
    const by = Object.fromEntries(result.figures.map((f) => [f.figure, f]));
    expect(by.arrests).toMatchObject({ dropPercent: 27.5, flagged: false });
    expect(by.charged).toMatchObject({ dropPercent: -50, flagged: false });
    expect(by.phones).toMatchObject({
      dropPercent: 87.5,
      flagged: false,
      skipped: 'baseline-too-small',
    });
    expect(result.status).toBe('ok');
  });

  it('averages over the weeks reported and judges nothing with too few of them', () => {
    const weeks = history({ arrests: 40 }, { arrests: 10 });
    weeks.delete(addIsoWeeks(WEEK, -16));
    weeks.delete(addIsoWeeks(WEEK, -15));
    const eleven = checkForce('E23000001', WEEK, weeks);
    expect(eleven.baselineWeeksReported).toBe(10);
    expect(eleven.figures.find((f) => f.figure === 'arrests')!.dropPercent).toBe(75);
    weeks.delete(addIsoWeeks(WEEK, -1));
    expect(checkForce('E23000001', WEEK, weeks)).toMatchObject({
      status: 'insufficient-history',
      recentWeeksReported: 3,
      figures: [],
    });
  });

  it('lists flagged forces first, the largest drop first', () => {
    const a = checkForce('A', WEEK, history({ arrests: 40 }, { arrests: 20 }));
    const b = checkForce('B', WEEK, history({ arrests: 40 }, { arrests: 8 }));
    const c = checkForce('C', WEEK, history({ arrests: 40 }, { arrests: 40 }));
    const d = checkForce('D', WEEK, new Map());
    expect([d, c, a, b].sort(byConcern).map((f) => f.force)).toEqual(['B', 'A', 'C', 'D']);
  });
});

describe('baselines read model', () => {
  const reported = (force: string, isoWeek: string, version: number): ConsumedEvent =>
    consumed('baseline.reported', {
      force,
      isoWeek,
      version,
      figures: figures({ arrests: version }),
    });

  it('keeps the newest version of each force-week in a batch, copies and late versions dropped', () => {
    const rows = latestBaselines([
      reported('B', WEEK, 1),
      reported('A', WEEK, 2),
      reported('A', WEEK, 1),
      reported('A', WEEK, 2),
    ]);
    expect(rows.map((r) => `${r.force} ${r.version} ${r.figures.arrests}`)).toEqual([
      'A 2 2',
      'B 1 1',
    ]);
  });
});

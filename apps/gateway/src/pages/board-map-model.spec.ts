import { FORCE_CODES } from '@intensify/reference-data';
// @ts-expect-error -- a browser ES module of the board page, without type declarations
import * as model from '../../public/board/map-model.js';

const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';
const GMP = 'E23000005';
const KENT = 'E23000032';
const BTP = 'BTP';

/** A seeded figure set: a few forces with figures, every other force at zero. */
function seededBoard() {
  const tally = (arrests: number, children = 0, adults = 0) => ({
    arrests,
    safeguardedChildren: children,
    safeguardedAdults: adults,
  });
  const forces: Record<string, object> = Object.fromEntries(FORCE_CODES.map((f) => [f, tally(0)]));
  Object.assign(forces, {
    [MET]: tally(23, 4, 1),
    [MERSEYSIDE]: tally(12),
    [GMP]: tally(5, 0, 2),
    [BTP]: tally(1),
  });
  const taskingsByForce = Object.fromEntries(FORCE_CODES.map((f) => [f, { overdue: 0 }]));
  taskingsByForce[KENT] = { overdue: 3 };
  return { forces, taskingsByForce };
}

const focusMap = {
  forces: {
    [MET]: { activeLinesExporting: 9, activeLinesImporting: 0, focusForce: false },
    [MERSEYSIDE]: { activeLinesExporting: 4, activeLinesImporting: 2, focusForce: true },
    [KENT]: { activeLinesExporting: 0, activeLinesImporting: 7, focusForce: true },
  },
};

describe('focus map colouring', () => {
  const board = seededBoard();

  it('reads each measure for every force, null where the viewer has no figures', () => {
    const arrests = model.measureValues('arrests', FORCE_CODES, board, null);
    expect(arrests[MET]).toBe(23);
    expect(arrests[KENT]).toBe(0);
    const safeguarded = model.measureValues('safeguarded', FORCE_CODES, board, null);
    expect(safeguarded[MET]).toBe(5);
    expect(safeguarded[GMP]).toBe(2);
    expect(model.measureValues('overdue', FORCE_CODES, board, null)[KENT]).toBe(3);
    const scoped = { forces: { [MERSEYSIDE]: board.forces[MERSEYSIDE] }, taskingsByForce: {} };
    expect(model.measureValues('arrests', [MET, MERSEYSIDE], scoped, null)).toEqual({
      [MET]: null,
      [MERSEYSIDE]: 12,
    });
    const importing = model.measureValues('importing', [KENT, MET, GMP], board, focusMap);
    expect(importing).toEqual({ [KENT]: 7, [MET]: 0, [GMP]: null });
  });

  it('reads overdue hand-offs at the home force from the board, else from the focus map', () => {
    const handoffsByForce = Object.fromEntries(
      FORCE_CODES.map((f) => [f, { raised: 0, acknowledged: 0, closed: 0, overdue: 0 }]),
    );
    handoffsByForce[MET] = { raised: 4, acknowledged: 1, closed: 0, overdue: 2 };
    const live = { ...board, handoffsByForce };
    const values = model.measureValues('handoffsOverdue', FORCE_CODES, live, null);
    expect(values[MET]).toBe(2);
    expect(values[KENT]).toBe(0);
    expect(Object.values(values).reduce((a: number, b) => a + (b as number), 0)).toBe(2);
    const scoped = { ...board, handoffsByForce: { [KENT]: handoffsByForce[KENT] } };
    expect(model.measureValues('handoffsOverdue', [MET, KENT], scoped, null)).toEqual({
      [MET]: null,
      [KENT]: 0,
    });
    const fromMap = { forces: { [MET]: { focusForce: false, handoffsOverdue: 3 } } };
    expect(model.measureValues('handoffsOverdue', [MET, KENT], board, fromMap)).toEqual({
      [MET]: 3,
      [KENT]: null,
    });
  });

  it('offers the lines measures only when the focus-map endpoint answered', () => {
    const ids = (fm: unknown) => model.availableMeasures(fm).map((m: { id: string }) => m.id);
    expect(ids(null)).toEqual(['arrests', 'safeguarded', 'overdue', 'handoffsOverdue']);
    expect(ids(focusMap)).toEqual([
      'arrests',
      'safeguarded',
      'overdue',
      'handoffsOverdue',
      'importing',
      'exporting',
    ]);
  });

  it('bins values into at most five whole-number steps of the palette', () => {
    const bins = model.binsFor(
      Object.values(model.measureValues('arrests', FORCE_CODES, board, null)),
    );
    expect(bins.map((b: { from: number; to: number }) => `${b.from}-${b.to}`)).toEqual([
      '1-5',
      '6-10',
      '11-15',
      '16-20',
      '21-25',
    ]);
    expect(bins.map((b: { colour: string }) => b.colour)).toEqual(model.PALETTE);
    expect(model.binsFor([0, 0, null])).toEqual([]);
    const small = model.binsFor([0, 1, 3]);
    expect(small.map((b: { from: number }) => b.from)).toEqual([1, 2, 3]);
    expect(small[0].colour).toBe(model.PALETTE[0]);
    expect(small[2].colour).toBe(model.PALETTE[4]);
  });

  it('colours the seeded forces by their bin, zero and no-figures in greys', () => {
    const values = model.measureValues('arrests', FORCE_CODES, board, null);
    const bins = model.binsFor(Object.values(values));
    const colour = (f: string) => model.colourFor(values[f], bins);
    expect(colour(MET)).toBe(model.PALETTE[4]);
    expect(colour(MERSEYSIDE)).toBe(model.PALETTE[2]);
    expect(colour(GMP)).toBe(model.PALETTE[0]);
    expect(colour(BTP)).toBe(model.PALETTE[0]);
    expect(colour(KENT)).toBe(model.ZERO_COLOUR);
    expect(model.colourFor(null, bins)).toBe(model.NO_DATA_COLOUR);
  });

  it('puts labels in the colour that reads on each fill', () => {
    expect(model.textColourOn('#440154')).toBe('#ffffff');
    expect(model.textColourOn('#fde725')).toBe('#0b0c0c');
    expect(model.textColourOn(model.ZERO_COLOUR)).toBe('#0b0c0c');
  });

  it('outlines the focus-map focus forces, else the week’s own focus forces', () => {
    expect([...model.focusForces(focusMap, { focusForces: [MET] })].sort()).toEqual(
      [MERSEYSIDE, KENT].sort(),
    );
    expect([...model.focusForces(null, { focusForces: [MET] })]).toEqual([MET]);
  });
});

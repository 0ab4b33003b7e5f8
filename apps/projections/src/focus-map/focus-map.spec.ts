import { FORCES } from '@intensify/reference-data';
import { focusMapForces, latestBy as latest } from './focus-map';

const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';
const NORTH_WALES = 'W15000001';
const tally = {} as never;
const outcomes = Object.fromEntries(FORCES.map((f) => [f.code, tally]));
const handoffs = Object.fromEntries(
  FORCES.map((f) => [
    f.code,
    { raised: 3, acknowledged: 1, closed: 0, overdue: f.code === MET ? 2 : 0 },
  ]),
);

describe('focus map figures', () => {
  const lines = [
    { exportingForce: MET, importingForces: [MERSEYSIDE, NORTH_WALES], status: 'active' },
    { exportingForce: MET, importingForces: [MERSEYSIDE], status: 'active' },
    { exportingForce: MERSEYSIDE, importingForces: [NORTH_WALES], status: 'dormant' },
  ];
  const focus = [{ lineId: 'a', exportingForce: MET, importingForces: [MERSEYSIDE, NORTH_WALES] }];

  it('counts active lines by where they export and import, and focus lines once per force', () => {
    const map = focusMapForces(lines, focus, [MET, MERSEYSIDE, NORTH_WALES], outcomes, handoffs);
    expect(Object.keys(map)).toHaveLength(44);
    expect(map[MET]).toMatchObject({
      activeLinesExporting: 2,
      activeLinesImporting: 0,
      focusLinesTouching: 1,
      focusForce: true,
      handoffsOverdue: 2,
    });
    expect(map[MERSEYSIDE]).toMatchObject({
      activeLinesExporting: 0,
      activeLinesImporting: 2,
      focusLinesTouching: 1,
    });
    expect(map[NORTH_WALES]).toMatchObject({ activeLinesImporting: 1, focusLinesTouching: 1 });
    expect(map.BTP).toMatchObject({
      activeLinesExporting: 0,
      focusLinesTouching: 0,
      focusForce: false,
      handoffsOverdue: 0,
    });
  });

  it('keeps the latest event per key whatever the order', () => {
    const events = [
      { id: 'x', seq: 2 },
      { id: 'x', seq: 3 },
      { id: 'x', seq: 1 },
      { id: 'y', seq: 1 },
    ];
    expect(latest(events, (e) => e.id)).toEqual([
      { id: 'x', seq: 3 },
      { id: 'y', seq: 1 },
    ]);
  });
});

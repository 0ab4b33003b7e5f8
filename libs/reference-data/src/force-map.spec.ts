import { BTP, FORCE_CODES, FORCE_HEX_LAYOUT, forceMapCells } from './index';

/** Pixel centre of a pointy-top axial cell of size 1, y growing southwards. */
const centre = (force: string) => {
  const { q, r } = FORCE_HEX_LAYOUT[force];
  return { x: Math.sqrt(3) * (q + r / 2), y: 1.5 * r };
};
const NORTHUMBRIA = 'E23000007';
const DEVON_AND_CORNWALL = 'E23000035';
const DYFED_POWYS = 'W15000004';
const ESSEX = 'E23000028';
const KENT = 'E23000032';
const CUMBRIA = 'E23000002';
const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';

describe('focus map layout', () => {
  it('has one cell for each of the 44 forces, no two in the same place', () => {
    expect(Object.keys(FORCE_HEX_LAYOUT).sort()).toEqual([...FORCE_CODES].sort());
    const places = Object.values(FORCE_HEX_LAYOUT).map((c) => `${c.q},${c.r}`);
    expect(new Set(places).size).toBe(44);
  });

  it('keeps rough geography', () => {
    expect(centre(NORTHUMBRIA).y).toBeLessThan(centre(DEVON_AND_CORNWALL).y);
    expect(centre(CUMBRIA).y).toBeLessThan(centre(MET).y);
    expect(centre(DYFED_POWYS).x).toBeLessThan(centre(ESSEX).x);
    expect(centre(DEVON_AND_CORNWALL).x).toBeLessThan(centre(KENT).x);
    expect(centre(MERSEYSIDE).x).toBeLessThan(centre(MET).x);
  });

  it('keeps the territorial forces together and puts BTP beside them', () => {
    const territorial = FORCE_CODES.filter((f) => f !== BTP);
    const neighbours = (f: string) =>
      territorial.filter((g) => {
        const [a, b] = [centre(f), centre(g)];
        return g !== f && Math.hypot(a.x - b.x, a.y - b.y) < 1.8;
      });
    for (const f of territorial) expect(neighbours(f).length).toBeGreaterThan(0);
    const eastmost = Math.max(...territorial.map((f) => centre(f).x));
    expect(centre(BTP).x).toBeGreaterThan(eastmost + 1.8);
  });

  it('labels every cell with a unique short code and its region', () => {
    const cells = forceMapCells();
    expect(cells).toHaveLength(44);
    expect(new Set(cells.map((c) => c.short)).size).toBe(44);
    for (const c of cells) expect(c.short).toMatch(/^[A-Z]{3}$/);
    expect(cells.find((c) => c.force === BTP)!.region).toBeNull();
  });
});

import { FORCES, FORCE_CODES, REGIONS, forcesInRegion, regionOfForce, BTP } from './index';

describe('reference data', () => {
  it('has the 43 territorial forces with ONS codes, plus BTP', () => {
    expect(FORCES).toHaveLength(44);
    expect(new Set(FORCE_CODES).size).toBe(44);
    const english = FORCE_CODES.filter((c) => /^E230000(0[1-9]|[12]\d|3[0-9])$/.test(c));
    const welsh = FORCE_CODES.filter((c) => /^W1500000[1-4]$/.test(c));
    expect(english).toHaveLength(39);
    expect(welsh).toHaveLength(4);
    expect(regionOfForce(BTP)).toBeNull();
  });

  it('puts every territorial force in exactly one of the 10 regions', () => {
    expect(REGIONS).toHaveLength(10);
    const counted = REGIONS.flatMap((r) => forcesInRegion(r.code));
    expect(counted).toHaveLength(43);
    expect(new Set(counted).size).toBe(43);
  });

  it('matches the domain reference region sizes', () => {
    const sizes = Object.fromEntries(REGIONS.map((r) => [r.code, forcesInRegion(r.code).length]));
    expect(sizes).toEqual({
      'north-east': 3,
      'north-west': 6,
      'yorkshire-humber': 4,
      'east-midlands': 5,
      'west-midlands': 4,
      eastern: 7,
      'south-east': 4,
      'south-west': 5,
      'southern-wales': 3,
      london: 2,
    });
  });
});

import { Random } from './random';
import { generateRegister, monthlyReturns } from './register';

const BIG_FOUR = ['E23000001', 'E23000014', 'E23000004', 'E23000005'];

describe('the demo register', () => {
  const register = generateRegister(new Random(42), 1000);
  const numbers = register.flatMap((l) => l.numbers);

  it('has about a thousand lines and two thousand distinct fictional deal numbers', () => {
    expect(register).toHaveLength(1000);
    expect(numbers.length).toBeGreaterThan(1800);
    expect(numbers.length).toBeLessThan(2200);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^077009\d{5}$/);
  });

  it('exports mostly from the four main exporting forces, never into the exporter itself', () => {
    const fromBigFour = register.filter((l) => BIG_FOUR.includes(l.exportingForce)).length;
    expect(fromBigFour / register.length).toBeGreaterThan(0.5);
    for (const l of register) {
      expect(l.importingForces.length).toBeGreaterThan(0);
      expect(l.importingForces).not.toContain(l.exportingForce);
    }
  });

  it('has line holders who control several lines, some across forces', () => {
    const linesOf = new Map<string, Set<string>>();
    for (const l of register)
      for (const h of l.holderRefs)
        linesOf.set(h, (linesOf.get(h) ?? new Set()).add(l.exportingForce));
    const holdersOfSeveral = register
      .flatMap((l) => l.holderRefs)
      .filter((h, i, all) => all.indexOf(h) !== i);
    expect(new Set(holdersOfSeveral).size).toBeGreaterThan(50);
    expect([...linesOf.values()].filter((forces) => forces.size > 1).length).toBeGreaterThan(10);
  });

  it('writes one return per exporting force with one row per line', () => {
    const returns = monthlyReturns(register);
    let rows = 0;
    for (const [force, csv] of returns) {
      const lines = csv.trim().split('\n');
      expect(lines[0]).toBe(
        'brand,exportingForce,importingForces,numbers,holderRefs,childrenExploited,weapons,violence,cuckooing,status',
      );
      for (const row of lines.slice(1)) expect(row.split(',')[1]).toBe(force);
      rows += lines.length - 1;
    }
    expect(rows).toBe(register.length);
  });
});

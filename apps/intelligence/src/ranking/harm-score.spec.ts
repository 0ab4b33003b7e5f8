import { NO_RISK } from '@intensify/contracts';
import { harmScore, HarmInput } from './harm-score';

const asOf = new Date('2026-11-25T12:00:00Z');
const quiet: HarmInput = {
  riskFactors: NO_RISK,
  importingForces: 0,
  linkedLines: 0,
  replacedNumbers: 0,
  lastIntelligenceAt: null,
};

describe('harm score', () => {
  it('is zero for a line with nothing against it, and lists every factor', () => {
    const s = harmScore(quiet, asOf);
    expect(s.score).toBe(0);
    expect(s.factors.map((f) => f.factor)).toEqual([
      'childrenExploited',
      'weapons',
      'violence',
      'cuckooing',
      'importingForces',
      'linkedLines',
      'replacedNumbers',
      'recentIntelligence',
    ]);
  });

  it('adds the documented weights, caps counted factors, and equals the sum of its points', () => {
    const s = harmScore(
      {
        riskFactors: { childrenExploited: true, weapons: true, violence: false, cuckooing: true },
        importingForces: 6,
        linkedLines: 2,
        replacedNumbers: 1,
        lastIntelligenceAt: '2026-11-01T00:00:00Z',
      },
      asOf,
    );
    // 25 + 20 + 0 + 15 + min(6,4)·5 + 2·10 + 1·3 + 10 (24 days) = 113
    expect(s.score).toBe(113);
    expect(s.factors.find((f) => f.factor === 'importingForces')).toMatchObject({
      value: 6,
      points: 20,
    });
    expect(s.score).toBe(s.factors.reduce((t, f) => t + f.points, 0));
  });

  it('ranks a line holder network above a line that only comes to notice often', () => {
    const network = harmScore({ ...quiet, linkedLines: 3, importingForces: 2 }, asOf).score;
    const noisy = harmScore({ ...quiet, lastIntelligenceAt: '2026-11-24T00:00:00Z' }, asOf).score;
    expect(network).toBeGreaterThan(noisy);
  });

  it('is reproducible for the same asOf, and ages recency by asOf', () => {
    const input = { ...quiet, lastIntelligenceAt: '2026-09-01T00:00:00Z' };
    expect(harmScore(input, asOf)).toEqual(harmScore(input, asOf));
    expect(harmScore(input, asOf).score).toBe(5); // 85 days
    expect(harmScore(input, new Date('2026-12-31T00:00:00Z')).score).toBe(0);
  });
});

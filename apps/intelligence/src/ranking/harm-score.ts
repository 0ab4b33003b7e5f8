import { HarmFactor, RiskFactors } from '@intensify/contracts';

/** What the score looks at for one line; all of it is in the register. */
export interface HarmInput {
  riskFactors: RiskFactors;
  importingForces: number;
  /** Other open lines run by any of this line's holders: a network, not a street dealer. */
  linkedLines: number;
  /** Numbers the line moved off: a line that keeps changing numbers evades orders. */
  replacedNumbers: number;
  lastIntelligenceAt: string | null;
}

interface Weight {
  factor: string;
  weight: number;
  cap?: number;
  explain: string;
}

/**
 * The documented weights (README, "Focus ranking"). Harm to people first: children exploited,
 * weapons, violence, cuckooing; then reach (importing forces), the holder's network, evasion
 * and how fresh the intelligence is. Changing a weight changes the method name.
 */
export const HARM_METHOD = 'harm-v1';
export const HARM_WEIGHTS: Record<string, Weight> = {
  childrenExploited: {
    factor: 'childrenExploited',
    weight: 25,
    explain: 'children exploited by the line',
  },
  weapons: { factor: 'weapons', weight: 20, explain: 'weapons linked to the line' },
  violence: { factor: 'violence', weight: 15, explain: 'violence linked to the line' },
  cuckooing: { factor: 'cuckooing', weight: 15, explain: 'cuckooed addresses used by the line' },
  importingForces: {
    factor: 'importingForces',
    weight: 5,
    cap: 4,
    explain: 'per importing force (at most 4)',
  },
  linkedLines: {
    factor: 'linkedLines',
    weight: 10,
    cap: 3,
    explain: 'per other open line run by the same holder (at most 3)',
  },
  replacedNumbers: {
    factor: 'replacedNumbers',
    weight: 3,
    cap: 3,
    explain: 'per number replaced (at most 3)',
  },
  recentIntelligence: {
    factor: 'recentIntelligence',
    weight: 10,
    explain: '10 if intelligence within 30 days, 5 within 90',
  },
};

const DAY = 86_400_000;

/** The score and every factor behind it: the same input and `asOf` always give the same result. */
export function harmScore(input: HarmInput, asOf: Date): { score: number; factors: HarmFactor[] } {
  const flag = (k: keyof RiskFactors): HarmFactor => {
    const w = HARM_WEIGHTS[k];
    const value = input.riskFactors[k];
    return {
      factor: k,
      value,
      weight: w.weight,
      points: value ? w.weight : 0,
      explanation: w.explain,
    };
  };
  const counted = (k: 'importingForces' | 'linkedLines' | 'replacedNumbers'): HarmFactor => {
    const w = HARM_WEIGHTS[k];
    const value = input[k];
    return {
      factor: k,
      value,
      weight: w.weight,
      points: Math.min(value, w.cap!) * w.weight,
      explanation: w.explain,
    };
  };
  const age = input.lastIntelligenceAt
    ? asOf.getTime() - Date.parse(input.lastIntelligenceAt)
    : Infinity;
  const days = Math.floor(age / DAY);
  const recency: HarmFactor = {
    factor: 'recentIntelligence',
    value: Number.isFinite(days) ? days : -1,
    weight: HARM_WEIGHTS.recentIntelligence.weight,
    points: age <= 30 * DAY ? 10 : age <= 90 * DAY ? 5 : 0,
    explanation: `${HARM_WEIGHTS.recentIntelligence.explain}; value is days since (−1: none)`,
  };
  const factors = [
    flag('childrenExploited'),
    flag('weapons'),
    flag('violence'),
    flag('cuckooing'),
    counted('importingForces'),
    counted('linkedLines'),
    counted('replacedNumbers'),
    recency,
  ];
  return { score: factors.reduce((s, f) => s + f.points, 0), factors };
}

import { BTP, FORCES } from '@intensify/reference-data';

/**
 * How much of a week's activity each force reports, relative to a typical county force (1).
 * Rough shares by size and by how many lines export from the force: the Metropolitan Police,
 * West Midlands, Merseyside and Greater Manchester export most lines.
 */
const BY_NAME: Record<string, number> = {
  'Metropolitan Police Service': 9,
  'West Midlands': 4,
  'Greater Manchester': 4,
  Merseyside: 3.5,
  'West Yorkshire': 2.5,
  'Thames Valley': 2,
  Kent: 2,
  Essex: 2,
  Hampshire: 2,
  'Avon and Somerset': 2,
  Lancashire: 1.8,
  Northumbria: 1.8,
  'South Yorkshire': 1.8,
  Sussex: 1.6,
  'Devon and Cornwall': 1.6,
  Nottinghamshire: 1.4,
  Leicestershire: 1.3,
  Staffordshire: 1.3,
  'West Mercia': 1.3,
  'South Wales': 1.3,
  'City of London': 0.3,
};

export function activityWeight(forceCode: string): number {
  if (forceCode === BTP) return 2;
  const force = FORCES.find((f) => f.code === forceCode);
  return (force && BY_NAME[force.name]) ?? 1;
}

/** Relative weight of lines exporting from a force, for the seeded register. */
export function exportWeight(forceCode: string): number {
  const name = FORCES.find((f) => f.code === forceCode)?.name;
  if (name === 'Metropolitan Police Service') return 30;
  if (name === 'West Midlands' || name === 'Merseyside') return 12;
  if (name === 'Greater Manchester') return 9;
  return forceCode === BTP ? 0 : 0.8;
}

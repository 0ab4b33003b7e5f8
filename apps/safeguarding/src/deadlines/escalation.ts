import { regionOfForce } from '@intensify/reference-data';

/** Who an overdue hand-off is escalated to: its home force's region (BTP has none) and the NCLCC. */
export function escalatedTo(homeForce: string): string[] {
  const region = regionOfForce(homeForce);
  return [...(region ? [region] : []), 'nclcc'];
}

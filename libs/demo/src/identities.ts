import { BTP, FORCES } from '@intensify/reference-data';
import { Identity } from './demo-client';

/** Regional coordinators report and act for their region's forces; BTP reports for itself. */
export function reporterOf(force: string): Identity {
  const region = FORCES.find((f) => f.code === force)?.region;
  if (force === BTP || !region)
    return { sub: `demo-${force.toLowerCase()}-user`, role: 'force', force };
  return { sub: `demo-${region}-coordinator`, role: 'regional', region };
}

/** A force's safeguarding lead, who owns the hand-offs to the force. */
export function safeguardingLeadOf(force: string): Identity {
  return { sub: `demo-${force.toLowerCase()}-safeguarding-lead`, role: 'force', force };
}

/** ROCU regions. Codes are stable API identifiers; names are for display. */
export const REGIONS = [
  { code: 'north-east', name: 'North East' },
  { code: 'north-west', name: 'North West' },
  { code: 'yorkshire-humber', name: 'Yorkshire and the Humber' },
  { code: 'east-midlands', name: 'East Midlands' },
  { code: 'west-midlands', name: 'West Midlands' },
  { code: 'eastern', name: 'Eastern' },
  { code: 'south-east', name: 'South East' },
  { code: 'south-west', name: 'South West' },
  { code: 'southern-wales', name: 'Southern Wales' },
  { code: 'london', name: 'London' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];
export const REGION_CODES: readonly RegionCode[] = REGIONS.map((r) => r.code);

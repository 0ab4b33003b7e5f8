import { RegionCode } from './regions';

export interface Force {
  /** ONS Police Force Area code (PFA23CD), or `BTP`. */
  code: string;
  name: string;
  /** `null` for British Transport Police, which is national. */
  region: RegionCode | null;
}

export const BTP = 'BTP';

/** The 43 territorial forces (ONS PFA codes, December 2023) and BTP. */
export const FORCES: readonly Force[] = [
  { code: 'E23000001', name: 'Metropolitan Police Service', region: 'london' },
  { code: 'E23000002', name: 'Cumbria', region: 'north-west' },
  { code: 'E23000003', name: 'Lancashire', region: 'north-west' },
  { code: 'E23000004', name: 'Merseyside', region: 'north-west' },
  { code: 'E23000005', name: 'Greater Manchester', region: 'north-west' },
  { code: 'E23000006', name: 'Cheshire', region: 'north-west' },
  { code: 'E23000007', name: 'Northumbria', region: 'north-east' },
  { code: 'E23000008', name: 'Durham', region: 'north-east' },
  { code: 'E23000009', name: 'North Yorkshire', region: 'yorkshire-humber' },
  { code: 'E23000010', name: 'West Yorkshire', region: 'yorkshire-humber' },
  { code: 'E23000011', name: 'South Yorkshire', region: 'yorkshire-humber' },
  { code: 'E23000012', name: 'Humberside', region: 'yorkshire-humber' },
  { code: 'E23000013', name: 'Cleveland', region: 'north-east' },
  { code: 'E23000014', name: 'West Midlands', region: 'west-midlands' },
  { code: 'E23000015', name: 'Staffordshire', region: 'west-midlands' },
  { code: 'E23000016', name: 'West Mercia', region: 'west-midlands' },
  { code: 'E23000017', name: 'Warwickshire', region: 'west-midlands' },
  { code: 'E23000018', name: 'Derbyshire', region: 'east-midlands' },
  { code: 'E23000019', name: 'Nottinghamshire', region: 'east-midlands' },
  { code: 'E23000020', name: 'Lincolnshire', region: 'east-midlands' },
  { code: 'E23000021', name: 'Leicestershire', region: 'east-midlands' },
  { code: 'E23000022', name: 'Northamptonshire', region: 'east-midlands' },
  { code: 'E23000023', name: 'Cambridgeshire', region: 'eastern' },
  { code: 'E23000024', name: 'Norfolk', region: 'eastern' },
  { code: 'E23000025', name: 'Suffolk', region: 'eastern' },
  { code: 'E23000026', name: 'Bedfordshire', region: 'eastern' },
  { code: 'E23000027', name: 'Hertfordshire', region: 'eastern' },
  { code: 'E23000028', name: 'Essex', region: 'eastern' },
  { code: 'E23000029', name: 'Thames Valley', region: 'south-east' },
  { code: 'E23000030', name: 'Hampshire', region: 'south-east' },
  { code: 'E23000031', name: 'Surrey', region: 'south-east' },
  { code: 'E23000032', name: 'Kent', region: 'eastern' },
  { code: 'E23000033', name: 'Sussex', region: 'south-east' },
  { code: 'E23000034', name: 'City of London', region: 'london' },
  { code: 'E23000035', name: 'Devon and Cornwall', region: 'south-west' },
  { code: 'E23000036', name: 'Avon and Somerset', region: 'south-west' },
  { code: 'E23000037', name: 'Gloucestershire', region: 'south-west' },
  { code: 'E23000038', name: 'Wiltshire', region: 'south-west' },
  { code: 'E23000039', name: 'Dorset', region: 'south-west' },
  { code: 'W15000001', name: 'North Wales', region: 'north-west' },
  { code: 'W15000002', name: 'Gwent', region: 'southern-wales' },
  { code: 'W15000003', name: 'South Wales', region: 'southern-wales' },
  { code: 'W15000004', name: 'Dyfed-Powys', region: 'southern-wales' },
  { code: BTP, name: 'British Transport Police', region: null },
];

export const FORCE_CODES: readonly string[] = FORCES.map((f) => f.code);

const byCode = new Map(FORCES.map((f) => [f.code, f]));

export function findForce(code: string): Force | undefined {
  return byCode.get(code);
}

export function regionOfForce(code: string): RegionCode | null | undefined {
  return byCode.get(code)?.region;
}

export function forcesInRegion(region: RegionCode): string[] {
  return FORCES.filter((f) => f.region === region).map((f) => f.code);
}

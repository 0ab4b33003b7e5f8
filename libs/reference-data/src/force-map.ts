import { FORCES } from './forces';
import { FORCE_HEX_LAYOUT } from './force-hex-layout';
import { RegionCode } from './regions';

/** Three-letter labels for the focus map's cells, readable at a distance. */
export const FORCE_SHORT_CODES: Readonly<Record<string, string>> = {
  E23000001: 'MPS',
  E23000002: 'CUM',
  E23000003: 'LAN',
  E23000004: 'MER',
  E23000005: 'GMP',
  E23000006: 'CHE',
  E23000007: 'NBR',
  E23000008: 'DUR',
  E23000009: 'NYP',
  E23000010: 'WYP',
  E23000011: 'SYP',
  E23000012: 'HUM',
  E23000013: 'CLE',
  E23000014: 'WMP',
  E23000015: 'STA',
  E23000016: 'WMC',
  E23000017: 'WAR',
  E23000018: 'DBY',
  E23000019: 'NTT',
  E23000020: 'LIN',
  E23000021: 'LEI',
  E23000022: 'NTH',
  E23000023: 'CAM',
  E23000024: 'NFK',
  E23000025: 'SFK',
  E23000026: 'BED',
  E23000027: 'HRT',
  E23000028: 'ESX',
  E23000029: 'TVP',
  E23000030: 'HAM',
  E23000031: 'SUR',
  E23000032: 'KNT',
  E23000033: 'SSX',
  E23000034: 'COL',
  E23000035: 'DVC',
  E23000036: 'ASP',
  E23000037: 'GLO',
  E23000038: 'WIL',
  E23000039: 'DOR',
  W15000001: 'NWP',
  W15000002: 'GWE',
  W15000003: 'SWP',
  W15000004: 'DPP',
  BTP: 'BTP',
};

/** Where the focus map's boundaries come from; shown wherever the map is. */
export const FORCE_MAP_ATTRIBUTION =
  'Layout derived from ONS Police Force Areas (December 2023). Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2023.';

export interface ForceMapCell {
  force: string;
  name: string;
  short: string;
  region: RegionCode | null;
  q: number;
  r: number;
}

/** Every force's cell on the focus map, with what a page needs to label it. */
export function forceMapCells(): ForceMapCell[] {
  return FORCES.map((f) => ({
    force: f.code,
    name: f.name,
    short: FORCE_SHORT_CODES[f.code],
    region: f.region,
    ...FORCE_HEX_LAYOUT[f.code],
  }));
}

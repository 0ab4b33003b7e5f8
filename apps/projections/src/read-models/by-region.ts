import { FORCES, REGIONS } from '@intensify/reference-data';
import { ColumnVector, ColumnVectors } from './column-vector';

export interface ByRegion<T> {
  national: T;
  regions: Record<string, T>;
  forces: Record<string, T>;
}

/** Every force's figures (zero where none are stored); regions sum their forces, the nation every force, BTP included. */
export function sumByRegion<C extends string, T>(
  byForce: Map<string, ColumnVector<C>>,
  vectors: ColumnVectors<C>,
  present: (v: ColumnVector<C>) => T,
): ByRegion<T> {
  const national = vectors.zero();
  const regions = new Map(REGIONS.map((r) => [r.code as string, vectors.zero()]));
  const forces: Record<string, T> = {};
  for (const f of FORCES) {
    const v = byForce.get(f.code) ?? vectors.zero();
    forces[f.code] = present(v);
    vectors.add(national, v);
    if (f.region) vectors.add(regions.get(f.region)!, v);
  }
  return {
    national: present(national),
    regions: Object.fromEntries([...regions].map(([code, v]) => [code, present(v)])),
    forces,
  };
}

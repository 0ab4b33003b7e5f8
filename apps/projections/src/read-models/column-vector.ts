/** A row's integer columns as a vector: figures add and subtract component-wise. */
export type ColumnVector<C extends string> = Record<C, number>;

export interface ColumnVectors<C extends string> {
  columns: readonly C[];
  zero(): ColumnVector<C>;
  /** `into += sign * v`, in place. */
  add(into: ColumnVector<C>, v: ColumnVector<C>, sign?: 1 | -1): ColumnVector<C>;
  isZero(v: ColumnVector<C>): boolean;
  /** A stored row's columns (PostgreSQL answers bigints as strings). */
  fromRow(row: Record<string, unknown>): ColumnVector<C>;
}

export function columnVectors<C extends string>(columns: readonly C[]): ColumnVectors<C> {
  const ZERO = Object.freeze(Object.fromEntries(columns.map((c) => [c, 0])) as ColumnVector<C>);
  return {
    columns,
    // Copying a template is several times faster than building a vector per event.
    zero: () => ({ ...ZERO }),
    add(into, v, sign = 1) {
      for (const c of columns) into[c] += sign * v[c];
      return into;
    },
    isZero: (v) => columns.every((c) => v[c] === 0),
    fromRow(row) {
      const v: ColumnVector<C> = { ...ZERO };
      for (const c of columns) v[c] = Number(row[c]);
      return v;
    },
  };
}

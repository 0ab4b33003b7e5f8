import { DataSource, EntityManager } from 'typeorm';
import { WriteContext, writeInTransaction, WriteScope } from '@intensify/messaging';

/** Register writes queue behind one another, so cross-line checks (deconfliction) see every line. */
export async function lockRegister(m: EntityManager): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('intelligence.register'))`);
}

/** A write to the register: one transaction, holding the register lock, at the clock's `now`. */
export function writeToRegister<T>(
  db: DataSource,
  scope: WriteScope & { now: () => Date },
  work: (ctx: WriteContext) => Promise<T>,
): Promise<T> {
  return writeInTransaction(db, scope, async (ctx) => {
    await lockRegister(ctx.m);
    return work(ctx);
  });
}

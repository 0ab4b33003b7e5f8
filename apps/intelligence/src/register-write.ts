import { EntityManager } from 'typeorm';

/**
 * Register writes take this lock first and so queue behind one another: cross-line checks
 * (deconfliction) see every line.
 */
export async function lockRegister(m: EntityManager): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('intelligence.register'))`);
}

import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { consumerGroup, topics } from '@intensify/contracts';
import { waitFor } from '@intensify/testing';
import { LINE_OUTCOMES_GROUP } from '../../apps/intelligence/src/line-outcomes/line-outcomes.consumer';
import { api, tokenFor, Who } from '../support/api';
import {
  applyDdtros,
  as,
  decide,
  freshBrand,
  freshNumber,
  line,
  registerLine,
} from '../support/intelligence';
import { runEnv } from '../support/run-env';
import {
  board,
  boardAfter,
  createActiveWeek,
  hoursAgo,
  MERSEYSIDE,
  MET,
  report,
} from '../support/scenario';
import { issue, taskingBody } from '../support/taskings';

const MET_USER: Who = { role: 'force', force: MET };
/** The London region holds the Met only; Merseyside is in the North West. */
const LONDON: Who = { role: 'regional', region: 'london' };
const MESSAGE = 'is not a register line you may read';

const lineOutcome = (lineId: string | undefined, fields: object = {}) => ({
  type: 'line',
  force: MET,
  occurredAt: hoursAgo(1),
  action: 'disrupted',
  ...(lineId && { lineId }),
  ...fields,
});

/** Waits until intelligence has read every outcome event published so far. */
async function intelligenceCaughtUp(db: Client, admin: ReturnType<Kafka['admin']>) {
  const { topicPrefix } = runEnv();
  const topic = topics(topicPrefix).outcomes.name;
  const ends = await admin.fetchTopicOffsets(topic);
  await waitFor(
    async () =>
      (
        await db.query(
          `SELECT partition, next_offset FROM intelligence.consumer_offsets WHERE group_id = $1 AND topic = $2`,
          [consumerGroup(topicPrefix, LINE_OUTCOMES_GROUP), topic],
        )
      ).rows as { partition: number; next_offset: string }[],
    (rows) =>
      ends.every(
        (e) =>
          Number(e.high) === 0 ||
          Number(rows.find((r) => r.partition === e.partition)?.next_offset ?? 0) >= Number(e.high),
      ),
    { timeoutMs: 20_000, what: 'intelligence reading every outcome' },
  );
}

async function auditEntries(action: string, subjectId: string): Promise<number> {
  const res = await api(
    'GET',
    `/api/v1/intelligence/audit?action=${action}&subjectId=${subjectId}&limit=500`,
    { token: await as() },
  );
  expect(res.status).toBe(200);
  return res.body.items.filter((a: { subjectId: string }) => a.subjectId === subjectId).length;
}

describe('outcomes and taskings name register lines', () => {
  let week: { id: string };
  let metLine: string;
  let merseysideLine: string;
  let db: Client;
  let kafka: Kafka;
  let admin: ReturnType<Kafka['admin']>;

  beforeAll(async () => {
    week = await createActiveWeek('Line references');
    metLine = (await registerLine({ brand: freshBrand('Met'), exportingForce: MET, numbers: [] }))
      .id;
    merseysideLine = (
      await registerLine({ brand: freshBrand('Mersey'), exportingForce: MERSEYSIDE, numbers: [] })
    ).id;
    db = new Client({ connectionString: runEnv().databaseUrl });
    await db.connect();
    kafka = new Kafka({ brokers: runEnv().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
    await db?.end();
  });

  it('accepts a line in scope and refuses a missing or out-of-scope line alike, naming lineId', async () => {
    const token = await tokenFor(MET_USER);
    const good = await report(week.id, lineOutcome(metLine), { token });
    expect(good.status).toBe(202);
    for (const lineId of [randomUUID(), merseysideLine]) {
      const res = await report(week.id, lineOutcome(lineId), { token });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toEqual([{ field: 'lineId', message: MESSAGE }]);
    }
    const freeText = await report(week.id, lineOutcome('LINE-77'), { token });
    expect(freeText.status).toBe(400);
    expect(freeText.body.errors.map((e: { field: string }) => e.field)).toEqual(['lineId']);
    // The NCLCC reads every line.
    expect((await report(week.id, lineOutcome(merseysideLine))).status).toBe(202);
  });

  it('checks a correction the same way', async () => {
    const token = await tokenFor(MET_USER);
    const first = await report(week.id, lineOutcome(metLine), { token });
    const correct = (lineId: string) =>
      api('POST', `/api/v1/outcomes/${first.body.id}/corrections`, {
        token,
        body: lineOutcome(lineId, { action: 'identified' }),
        headers: { 'idempotency-key': randomUUID() },
      });
    const refused = await correct(merseysideLine);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'lineId', message: MESSAGE }]);
    expect((await correct(metLine)).status).toBe(202);
  });

  it('rejects a CSV row with a bad line alone and accepts the others', async () => {
    const csv = [
      'idempotencyKey,type,force,occurredAt,lineId,action',
      `${randomUUID()},line,${MET},${hoursAgo(2)},${metLine},identified`,
      `${randomUUID()},line,${MET},${hoursAgo(2)},${merseysideLine},identified`,
      `${randomUUID()},line,${MET},${hoursAgo(2)},,identified`,
    ].join('\n');
    const res = await api('POST', `/api/v1/operations/${week.id}/outcomes/import`, {
      token: await tokenFor(MET_USER),
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([
      { row: 2, line: 3, errors: [{ field: 'lineId', message: MESSAGE }] },
    ]);
  });

  it('names the index of the tasking whose line is missing or out of scope', async () => {
    const token = await tokenFor(LONDON);
    const res = await issue(
      week.id,
      {
        taskings: [
          taskingBody(MET, { lineId: metLine }),
          taskingBody(MET, { lineId: merseysideLine }),
          taskingBody(MET, { lineId: randomUUID() }),
        ],
      },
      { token },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'taskings.1.lineId', message: MESSAGE },
      { field: 'taskings.2.lineId', message: MESSAGE },
    ]);
    const good = await issue(week.id, taskingBody(MET, { lineId: metLine }), { token });
    expect(good.status).toBe(201);
    expect(good.body.lineId).toBe(metLine);
  });

  it('closes the register line on a Type 1 closure once; replays and later closures change nothing', async () => {
    const target = (
      await registerLine({ brand: freshBrand('Closing'), exportingForce: MET, numbers: [] })
    ).id;
    const key = randomUUID();
    const closure = lineOutcome(target, { action: 'closed-type1' });
    const first = await report(week.id, closure, { key });
    expect(first.status).toBe(202);
    const closed = await waitFor(
      () => line(target),
      (l) => l.status === 'closed',
      { timeoutMs: 20_000, what: 'the line closed in the register' },
    );
    expect(closed.closureType).toBe('type1');
    expect(closed.closedByOutcomeId).toBe(first.body.id);
    expect(await auditEntries('line.updated', target)).toBe(1);

    // The same request again, the same closure reported anew, and a Type 2 closure.
    expect((await report(week.id, closure, { key })).status).toBe(200);
    expect((await report(week.id, closure)).status).toBe(202);
    expect((await report(week.id, lineOutcome(target, { action: 'closed-type2' }))).status).toBe(
      202,
    );
    await intelligenceCaughtUp(db, admin);
    const after = await line(target);
    expect(after.status).toBe('closed');
    expect(after.closureType).toBe('type1');
    expect(after.updatedAt).toBe(closed.updatedAt);
    expect(await auditEntries('line.updated', target)).toBe(1);
    const [row] = (
      await db.query(`SELECT seq, closed_by_outcome FROM intelligence.lines WHERE id = $1`, [
        target,
      ])
    ).rows;
    expect(row.seq).toBe(2);
    expect(row.closed_by_outcome).toBe(first.body.id);

    // Reopened in the register, the line forgets the outcome that closed it.
    const reopened = await api('PATCH', `/api/v1/lines/${target}`, {
      token: await as(),
      body: { status: 'active' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.closedByOutcomeId).toBeUndefined();
  });

  it('counts a DDTRO once on the board, whether entered in the register, as an outcome flag or both', async () => {
    const ddtroWeek = await createActiveWeek('DDTROs once');
    const [number, elsewhere] = [freshNumber(), freshNumber()];
    const newLine = async (name: string, numbers: string[] = []) =>
      (await registerLine({ brand: freshBrand(name), exportingForce: MET, numbers })).id as string;
    const both = await newLine('Both', [number]);
    const flagOnly = await newLine('Flag');
    const untouched = await newLine('Untouched', [elsewhere]);
    const focus = await api('PUT', `/api/v1/operations/${ddtroWeek.id}/focus-lines`, {
      token: await as(),
      body: { lineIds: [both] },
    });
    expect(focus.status).toBe(200);

    // In the register first, on the week's focus line: the board counts it with no outcome.
    const applied = await applyDdtros(both, [number]);
    expect(applied.status).toBe(201);
    expect((await decide(applied.body.ddtros[0].id, 'grant')).status).toBe(200);
    const metLines = async () => (await board(ddtroWeek.id)).forces[MET].lines;
    await waitFor(metLines, (l) => l.ddtroApplied === 1 && l.ddtroGranted === 1, {
      timeoutMs: 20_000,
      what: 'the register DDTRO on the board',
    });
    // An order on a line the week neither focuses on nor reports is not the week's.
    expect((await applyDdtros(untouched, [elsewhere])).status).toBe(201);

    // The same order reported again as an outcome flag on the same line, one flag on a line
    // with no register entry, and one on no line at all.
    const token = await tokenFor(MET_USER);
    const flags = { ddtroApplied: 1, ddtroGranted: 1 };
    expect((await report(ddtroWeek.id, lineOutcome(both, flags), { token })).status).toBe(202);
    expect(
      (await report(ddtroWeek.id, lineOutcome(flagOnly, { ddtroApplied: 1 }), { token })).status,
    ).toBe(202);
    expect(
      (await report(ddtroWeek.id, lineOutcome(undefined, { ddtroApplied: 1 }), { token })).status,
    ).toBe(202);
    await waitFor(
      async () =>
        (
          await db.query(`SELECT 1 FROM projections.register_ddtros WHERE line_id = $1`, [
            untouched,
          ])
        ).rowCount,
      (n) => n === 1,
      { timeoutMs: 20_000, what: "the other line's order read by projections" },
    );
    const after = await boardAfter(ddtroWeek.id, 3);
    expect(after.forces[MET].lines).toMatchObject({ ddtroApplied: 3, ddtroGranted: 1 });
    expect(after.national.lines).toMatchObject({ ddtroApplied: 3, ddtroGranted: 1 });
  });
});

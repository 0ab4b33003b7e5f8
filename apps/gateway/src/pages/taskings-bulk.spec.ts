// @ts-expect-error -- a browser ES module of the taskings page, without type declarations
import * as bulk from '../../public/taskings/bulk-acknowledge.js';
// @ts-expect-error -- a browser ES module of the taskings page, without type declarations
import { reportLink } from '../../public/taskings/report-link.js';
// @ts-expect-error -- a browser ES module of the reporting page, without type declarations
import { prefillFromQuery } from '../../public/report/prefill.js';

const WEEK = '7f1c0c7e-3a51-4c1e-9a55-0f3c2b1d9e01';
const OTHER_WEEK = '9a1c0c7e-3a51-4c1e-9a55-0f3c2b1d9e02';
const LINE = '0b6f4f7a-2d9e-4b8e-8f51-6c1d2e3f4a5b';
const MERSEYSIDE = 'E23000004';
const CHESHIRE = 'E23000006';
const forceNames = new Map([
  [MERSEYSIDE, 'Merseyside'],
  [CHESHIRE, 'Cheshire'],
]);

const tasking = (id: string, force: string, status = 'issued', extra: object = {}) => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  operationId: WEEK,
  force,
  status,
  ...extra,
});

describe('acknowledging several taskings at once', () => {
  it('offers only issued taskings', () => {
    expect(bulk.acknowledgeable(tasking('1', MERSEYSIDE))).toBe(true);
    for (const status of ['acknowledged', 'in-progress', 'completed', 'declined', 'cancelled'])
      expect(bulk.acknowledgeable(tasking('1', MERSEYSIDE, status))).toBe(false);
  });

  it('sends each with its own key, and one refusal loses none of the others', async () => {
    const chosen = [tasking('1', MERSEYSIDE), tasking('2', CHESHIRE), tasking('3', MERSEYSIDE)];
    const sent: [string, string][] = [];
    let n = 0;
    const results = await bulk.acknowledgeEach(
      chosen,
      async (t: { id: string }, key: string) => {
        sent.push([t.id, key]);
        if (t.id === chosen[1].id)
          throw { problem: { detail: 'Tasking is cancelled; it cannot acknowledge from there' } };
        return { ...t, status: 'acknowledged' };
      },
      () => `key-${++n}`,
    );
    expect(sent.map(([id]) => id)).toEqual(chosen.map((t) => t.id));
    expect(new Set(sent.map(([, key]) => key)).size).toBe(3);
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
    expect(results[0].updated.status).toBe('acknowledged');
    expect(results[1].problem).toBe('Tasking is cancelled; it cannot acknowledge from there');
    expect(bulk.bulkResultText(results, forceNames)).toBe(
      'Acknowledged 2 of 3 taskings. Not acknowledged: Cheshire (the reason is shown on each row).',
    );
  });

  it('says plainly when all went through', () => {
    const results = [{ ok: true, tasking: tasking('1', MERSEYSIDE) }];
    expect(bulk.bulkResultText(results, forceNames)).toBe('Acknowledged 1 of 1 tasking.');
  });
});

describe('reporting an outcome from a tasking', () => {
  const weeks = [{ id: WEEK }, { id: OTHER_WEEK }];

  it('links open and completed taskings to the report page with week, force, tasking and line', () => {
    const t = tasking('1', MERSEYSIDE, 'acknowledged', { lineId: LINE });
    const link = reportLink(t);
    expect(link).toBe(`/report?operation=${WEEK}&force=${MERSEYSIDE}&tasking=${t.id}&line=${LINE}`);
    expect(reportLink(tasking('1', MERSEYSIDE, 'completed'))).not.toContain('line=');
    expect(reportLink(tasking('1', MERSEYSIDE, 'cancelled'))).toBeNull();
    expect(reportLink(tasking('1', MERSEYSIDE, 'declined'))).toBeNull();
  });

  it('reads back what the link carries', () => {
    const t = tasking('1', MERSEYSIDE, 'issued', { lineId: LINE });
    const search = reportLink(t).slice('/report'.length);
    expect(prefillFromQuery(search, { weeks, forces: [MERSEYSIDE, CHESHIRE] })).toEqual({
      operation: WEEK,
      force: MERSEYSIDE,
      tasking: t.id,
      line: LINE,
    });
  });

  it('keeps a tasking only with a week and force the user may choose', () => {
    const t = tasking('1', MERSEYSIDE, 'issued', { lineId: LINE });
    const search = reportLink(t).slice('/report'.length);
    expect(prefillFromQuery(search, { weeks, forces: [CHESHIRE] })).toEqual({
      operation: WEEK,
      force: null,
      tasking: null,
      line: null,
    });
    expect(prefillFromQuery(search, { weeks: [{ id: OTHER_WEEK }], forces: [MERSEYSIDE] })).toEqual(
      { operation: null, force: MERSEYSIDE, tasking: null, line: null },
    );
  });

  it('drops ids that are not ids, and a line without its tasking', () => {
    const forces = [MERSEYSIDE];
    const bad = `?operation=${WEEK}&force=${MERSEYSIDE}&tasking=<script>&line=${LINE}`;
    expect(prefillFromQuery(bad, { weeks, forces })).toMatchObject({ tasking: null, line: null });
    const noLine = `?operation=${WEEK}&force=${MERSEYSIDE}&tasking=${LINE}&line=x`;
    expect(prefillFromQuery(noLine, { weeks, forces })).toMatchObject({
      tasking: LINE,
      line: null,
    });
    expect(prefillFromQuery('', { weeks, forces })).toEqual({
      operation: null,
      force: null,
      tasking: null,
      line: null,
    });
  });
});

import { api, tokenFor } from '../support/api';
import { createActiveWeek, GREATER_MANCHESTER, MERSEYSIDE, MET } from '../support/scenario';
import { issue, tasking, taskingBody, transition } from '../support/taskings';

describe('taskings: scope', () => {
  let operationId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    operationId = (await createActiveWeek('Tasking scope week')).id;
    tokens.nclcc = await tokenFor({ role: 'nclcc' });
    tokens.northWest = await tokenFor({ role: 'regional', region: 'north-west', sub: 'nw-1' });
    tokens.northWestOther = await tokenFor({ role: 'regional', region: 'north-west', sub: 'nw-2' });
    tokens.london = await tokenFor({ role: 'regional', region: 'london' });
    tokens.merseyside = await tokenFor({ role: 'force', force: MERSEYSIDE });
    tokens.met = await tokenFor({ role: 'force', force: MET });
    tokens.commander = await tokenFor({ role: 'commander' });
  });

  const issueAs = async (who: string, force = MERSEYSIDE) =>
    issue(operationId, taskingBody(force), { token: tokens[who] });

  it('lets the NCLCC task any force and a region only its own; forces and commanders none', async () => {
    expect((await issueAs('nclcc', MET)).status).toBe(201);
    expect((await issueAs('northWest', MERSEYSIDE)).status).toBe(201);
    for (const [who, force] of [
      ['northWest', MET],
      ['merseyside', MERSEYSIDE],
      ['commander', MERSEYSIDE],
    ]) {
      const res = await issueAs(who, force);
      expect({ who, status: res.status, code: res.body.code }).toEqual({
        who,
        status: 403,
        code: 'forbidden_scope',
      });
    }
  });

  it('lets the tasked force, its region and the NCLCC respond, nobody else', async () => {
    const { id } = (await issueAs('nclcc')).body;
    for (const who of ['met', 'london', 'commander'])
      expect({
        who,
        status: (await transition(id, 'acknowledge', {}, tokens[who])).status,
      }).toEqual({
        who,
        status: 403,
      });
    expect((await transition(id, 'acknowledge', {}, tokens.merseyside)).status).toBe(200);
    expect((await transition(id, 'start', {}, tokens.northWest)).status).toBe(200);
    expect((await transition(id, 'complete', {}, tokens.nclcc)).status).toBe(200);
  });

  it('leaves cancel and reassign to the issuer and the NCLCC', async () => {
    const { id } = (await issueAs('northWest')).body;
    for (const who of ['northWestOther', 'merseyside', 'london']) {
      expect({ who, status: (await transition(id, 'cancel', {}, tokens[who])).status }).toEqual({
        who,
        status: 403,
      });
    }
    // The issuer may reassign only within its own scope.
    expect((await transition(id, 'reassign', { force: MET }, tokens.northWest)).status).toBe(403);
    const moved = await transition(id, 'reassign', { force: GREATER_MANCHESTER }, tokens.northWest);
    expect(moved.status).toBe(200);
    expect(moved.body.force).toBe(GREATER_MANCHESTER);
    expect((await transition(id, 'cancel', {}, tokens.northWest)).status).toBe(200);

    const other = (await issueAs('northWest')).body.id;
    expect((await transition(other, 'cancel', { reason: 'Duplicate' }, tokens.nclcc)).status).toBe(
      200,
    );
  });

  it('shows a force its own taskings and a region its forces', async () => {
    const week = (await createActiveWeek('Tasking visibility week')).id;
    const made = await issue(week, { taskings: [taskingBody(MERSEYSIDE), taskingBody(MET)] });
    const [mersey, met] = made.body.taskings.map((t: { id: string }) => t.id);
    const ids = async (who: string) =>
      (
        await api('GET', `/api/v1/taskings?operationId=${week}`, { token: tokens[who] })
      ).body.items.map((t: { id: string }) => t.id);
    expect((await ids('nclcc')).sort()).toEqual([mersey, met].sort());
    expect(await ids('merseyside')).toEqual([mersey]);
    expect(await ids('northWest')).toEqual([mersey]);
    expect(await ids('london')).toEqual([met]);
    expect((await tasking(mersey, tokens.merseyside)).id).toBe(mersey);
    expect((await api('GET', `/api/v1/taskings/${met}`, { token: tokens.merseyside })).status).toBe(
      403,
    );
  });
});

import { notFound, ok } from './answers';
import { conflicts, idempotentWrite, onId, routesOf } from './route-builders';

describe('route builders', () => {
  it('name the codes of a 409 as a sentence', () => {
    expect(conflicts('operation_closed').description).toBe('`operation_closed`');
    expect(conflicts('idempotency_conflict', 'operation_closed', 'outcome_retracted')).toEqual(
      expect.objectContaining({
        description: '`idempotency_conflict`, `operation_closed` or `outcome_retracted`',
      }),
    );
  });

  it('put the path id first and let a route add answers beside the found and missing ones', () => {
    const route = routesOf('lines').get('/api/v1/lines/{id}', 'One line', {
      ...onId(ok({ type: 'object' }), notFound('line'), {
        responses: { 409: conflicts('conflict') },
      }),
    });
    expect(route).toMatchObject({ method: 'get', tag: 'lines', summary: 'One line' });
    expect(route.params?.map((p) => p.name)).toEqual(['id']);
    expect(Object.keys(route.responses)).toEqual(['200', '404', '409']);
  });

  it('answer a replayed idempotent write with 200 and the first answer under its own words', () => {
    const details = idempotentWrite({
      id: 'outcomeId',
      body: { schema: {} },
      first: [202, ok({ type: 'object' }, 'Accepted')],
      replay: 'Replay',
      missing: notFound('outcome'),
      conflict: conflicts('idempotency_conflict'),
    });
    expect(details.params?.map((p) => p.name)).toEqual(['outcomeId', 'Idempotency-Key']);
    expect(details.responses[202]).toEqual({ description: 'Accepted', schema: { type: 'object' } });
    expect(details.responses[200]).toEqual({ description: 'Replay', schema: { type: 'object' } });
  });
});

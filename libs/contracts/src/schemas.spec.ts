import {
  CREATE_OPERATION_SCHEMA,
  DEV_TOKEN_SCHEMA,
  OUTCOME_BODY_SCHEMAS,
  OUTCOME_TYPE_SCHEMA,
} from './api/v1';
import {
  ENVELOPE_SCHEMA,
  OPERATION_CREATED_V1_SCHEMA,
  OUTCOME_RECORDED_V1_SCHEMA,
  OUTCOME_RECORDED_V2_SCHEMA,
} from './events';
import { checkSchema, compile } from './validation';

describe('contract schemas', () => {
  it('all compile under strict Ajv', () => {
    const all = [
      CREATE_OPERATION_SCHEMA,
      DEV_TOKEN_SCHEMA,
      OUTCOME_TYPE_SCHEMA,
      ...Object.values(OUTCOME_BODY_SCHEMAS),
      ENVELOPE_SCHEMA,
      OPERATION_CREATED_V1_SCHEMA,
      OUTCOME_RECORDED_V1_SCHEMA,
    ];
    for (const s of all) expect(typeof compile(s)).toBe('function');
  });

  it('requires region for regional and force for force dev tokens', () => {
    expect(checkSchema(DEV_TOKEN_SCHEMA, { sub: 'a', role: 'regional' })).toEqual([
      { field: 'region', message: 'is required' },
    ]);
    expect(checkSchema(DEV_TOKEN_SCHEMA, { sub: 'a', role: 'force' })).toEqual([
      { field: 'force', message: 'is required' },
    ]);
    expect(checkSchema(DEV_TOKEN_SCHEMA, { sub: 'a', role: 'regional', region: 'london' })).toEqual(
      [],
    );
  });

  it('refuses a free-text line reference on a new outcome but keeps reading it on logged events', () => {
    const arrest = {
      type: 'arrest',
      force: 'E23000001',
      occurredAt: '2026-11-02T10:00:00Z',
      count: 1,
    };
    const legacy = { ...arrest, lineId: 'LINE-77' };
    expect(checkSchema(OUTCOME_BODY_SCHEMAS.arrest, legacy).map((e) => e.field)).toEqual([
      'lineId',
    ]);
    const event = {
      outcomeId: '6f1c1f43-8d53-4c8e-9f3b-2a8d4b1e5c10',
      operationId: '6f1c1f43-8d53-4c8e-9f3b-2a8d4b1e5c11',
      version: 1,
      current: legacy,
      previous: null,
    };
    expect(checkSchema(OUTCOME_RECORDED_V1_SCHEMA, event)).toEqual([]);
    expect(checkSchema(OUTCOME_RECORDED_V2_SCHEMA, event)).toEqual([]);
  });
});

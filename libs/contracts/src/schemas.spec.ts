import {
  CREATE_OPERATION_SCHEMA,
  DEV_TOKEN_SCHEMA,
  OUTCOME_BODY_SCHEMAS,
  OUTCOME_TYPE_SCHEMA,
} from './api/v1';
import { ENVELOPE_SCHEMA, OPERATION_CREATED_V1_SCHEMA, OUTCOME_RECORDED_V1_SCHEMA } from './events';
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
});

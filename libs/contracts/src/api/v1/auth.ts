import { FORCE_CODES, REGION_CODES } from '@intensify/reference-data';

export const ROLES = ['nclcc', 'regional', 'force', 'commander'] as const;
export type Role = (typeof ROLES)[number];

export interface DevTokenRequest {
  sub: string;
  role: Role;
  region?: string;
  force?: string;
}

export const DEV_TOKEN_SCHEMA = {
  $id: 'dev-token.v1',
  type: 'object',
  additionalProperties: false,
  required: ['sub', 'role'],
  properties: {
    sub: { type: 'string', minLength: 1, maxLength: 200 },
    role: { type: 'string', enum: ROLES },
    region: { type: 'string', enum: REGION_CODES },
    force: { type: 'string', enum: FORCE_CODES },
  },
  allOf: [
    { if: { properties: { role: { const: 'regional' } } }, then: { required: ['region'] } },
    { if: { properties: { role: { const: 'force' } } }, then: { required: ['force'] } },
  ],
} as const;

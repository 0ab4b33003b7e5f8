import { FORCE_CODES, REGION_CODES } from '@intensify/reference-data';
import { CREATE_OPERATION_SCHEMA } from './operation';
import { DEV_TOKEN_SCHEMA } from './auth';
import { DRUGS, OUTCOME_BODY_SCHEMAS, OUTCOME_TYPES } from './outcome.schema';
import { ERROR_CODES } from './problem';
import { CSV_COLUMNS, CSV_LIMITS, CSV_REQUIRED_COLUMNS } from './csv-return';
import { REASON_SCHEMA } from './reporting';
import { intelligenceComponents, intelligencePaths } from './openapi-intelligence';
import { accessLogComponents, accessLogPaths } from './openapi-access-log';
import { errors, idParam, json, pageOf, pageParams, problemResponse, ref } from './openapi-helpers';
import {
  ISSUE_TASKING_SCHEMA,
  ISSUE_TASKINGS_SCHEMA,
  TASKING_PRIORITIES,
  TASKING_STATUSES,
  TRANSITION_SCHEMAS,
} from './tasking';

/** Strips Ajv-only keywords so the same schemas serve as OpenAPI 3.1 components. */
function component(schema: object): object {
  const { $id: _id, ...rest } = schema as Record<string, unknown>;
  return rest;
}

const int = { type: 'integer', minimum: 0 };
const drugTally = {
  type: 'object',
  required: ['grams', 'plants', 'valuePence'],
  properties: { grams: { type: 'number' }, plants: int, valuePence: int },
};

const TALLY = {
  type: 'object',
  description:
    'Every key is present; zero when nothing was reported. Money in pence, drugs in grams.',
  properties: {
    arrests: int,
    arrestsUnder18: int,
    charged: int,
    safeguardedChildren: int,
    safeguardedAdults: int,
    nrmReferrals: int,
    cuckooedAddressesVisited: int,
    cashPence: int,
    phones: int,
    drugs: { type: 'object', properties: Object.fromEntries(DRUGS.map((d) => [d, drugTally])) },
    weapons: { type: 'object', properties: { firearm: int, bladed: int, other: int } },
    lines: {
      type: 'object',
      properties: {
        identified: int,
        disrupted: int,
        closedType1: int,
        closedType2: int,
        ddtroApplied: int,
        ddtroGranted: int,
      },
    },
  },
};

/** The OpenAPI 3.1 document of the public API, version 1, built from the schemas the code validates with. */
export function openApiDocument(serverUrl = '/'): Record<string, any> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Intensify public API',
      version: '1',
      description:
        'Operations platform for county lines intensification weeks. Errors are `application/problem+json` with a stable `code`. Times are ISO 8601 with offset; money is integer pence; drug weights are grams (up to 3 decimals).',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code', 'errors'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string', enum: ERROR_CODES },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
        ForceCode: { type: 'string', enum: FORCE_CODES },
        RegionCode: { type: 'string', enum: REGION_CODES },
        DevTokenRequest: component(DEV_TOKEN_SCHEMA),
        CreateOperation: component(CREATE_OPERATION_SCHEMA),
        Operation: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: { type: 'string' },
            startsAt: { type: 'string', format: 'date-time' },
            endsAt: { type: 'string', format: 'date-time' },
            status: { type: 'string', enum: ['planned', 'active', 'closed'] },
            focusForces: { type: 'array', items: ref('ForceCode') },
          },
        },
        ArrestOutcome: component(OUTCOME_BODY_SCHEMAS.arrest),
        SeizureOutcome: component(OUTCOME_BODY_SCHEMAS.seizure),
        SafeguardingOutcome: component(OUTCOME_BODY_SCHEMAS.safeguarding),
        LineOutcome: component(OUTCOME_BODY_SCHEMAS.line),
        OutcomeBody: {
          oneOf: [
            ref('ArrestOutcome'),
            ref('SeizureOutcome'),
            ref('SafeguardingOutcome'),
            ref('LineOutcome'),
          ],
          discriminator: { propertyName: 'type' },
        },
        OutcomeAccepted: {
          type: 'object',
          properties: { id: { type: 'string', format: 'uuid' }, status: { const: 'accepted' } },
        },
        Reason: component(REASON_SCHEMA),
        OutcomeChangeAccepted: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            version: { type: 'integer' },
            status: { const: 'accepted' },
          },
        },
        OutcomeItem: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            operationId: { type: 'string', format: 'uuid' },
            type: { type: 'string' },
            force: ref('ForceCode'),
            version: { type: 'integer' },
            status: { type: 'string', enum: ['live', 'retracted'] },
            current: ref('OutcomeBody'),
            createdAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
            retraction: {
              type: 'object',
              properties: {
                reason: { type: 'string' },
                at: { type: 'string' },
                by: { type: 'object' },
              },
            },
            versions: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  version: { type: 'integer' },
                  body: ref('OutcomeBody'),
                  recordedAt: { type: 'string', format: 'date-time' },
                  recordedBy: {
                    type: 'object',
                    properties: { sub: { type: 'string' }, role: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
        ImportResult: {
          type: 'object',
          properties: {
            accepted: int,
            duplicates: int,
            rejected: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  row: {
                    type: 'integer',
                    description: '1-based data row (the first row after the header is 1)',
                  },
                  line: {
                    type: 'integer',
                    description: 'line of the file the row ends on (the header is line 1)',
                  },
                  errors: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { field: { type: 'string' }, message: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
        AuditEntry: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            at: { type: 'string', format: 'date-time' },
            actor: {
              type: 'object',
              properties: {
                sub: { type: 'string' },
                role: { type: 'string' },
                region: { type: 'string' },
                force: { type: 'string' },
              },
            },
            action: { type: 'string' },
            operationId: { type: ['string', 'null'] },
            subjectId: { type: ['string', 'null'] },
            correlationId: { type: 'string' },
            details: { type: 'object' },
          },
        },
        Tally: TALLY,
        Board: {
          type: 'object',
          properties: {
            operationId: { type: 'string', format: 'uuid' },
            status: { type: 'string', enum: ['planned', 'active', 'closed'] },
            final: { type: 'boolean' },
            asOf: { type: 'string', format: 'date-time' },
            eventsApplied: int,
            national: ref('Tally'),
            regions: { type: 'object', additionalProperties: ref('Tally') },
            forces: { type: 'object', additionalProperties: ref('Tally') },
            taskings: ref('TaskingCounts'),
            taskingsByRegion: { type: 'object', additionalProperties: ref('TaskingCounts') },
            taskingsByForce: { type: 'object', additionalProperties: ref('TaskingCounts') },
            overdueTaskings: { type: 'array', items: ref('OverdueTasking') },
          },
        },
        ...TASKING_COMPONENTS,
        ...BOARD_EXTRA_COMPONENTS,
        ...intelligenceComponents(),
        ...accessLogComponents(),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/auth/dev-token': {
        post: {
          summary: 'Issue a development token (only with AUTH_MODE=dev)',
          security: [],
          requestBody: { content: { 'application/json': { schema: ref('DevTokenRequest') } } },
          responses: {
            '200': json({ type: 'object', properties: { token: { type: 'string' } } }),
            '400': errors['400'],
          },
        },
      },
      '/api/v1/regions': {
        get: {
          summary: 'The 10 ROCU regions and their forces',
          security: [],
          responses: {
            '200': json({
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  code: ref('RegionCode'),
                  name: { type: 'string' },
                  forces: { type: 'array', items: ref('ForceCode') },
                },
              },
            }),
          },
        },
      },
      '/api/v1/forces': {
        get: {
          summary: 'The 43 territorial forces (ONS codes) and BTP (region null)',
          security: [],
          responses: {
            '200': json({
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  code: ref('ForceCode'),
                  name: { type: 'string' },
                  region: { oneOf: [ref('RegionCode'), { type: 'null' }] },
                },
              },
            }),
          },
        },
      },
      '/api/v1/force-map': {
        get: {
          summary:
            'The focus map layout: one hexagon per force (axial q east, r south; pointy-top), with its short label, region and the ONS attribution to show beside it',
          security: [],
          responses: { '200': json(ref('ForceMap')) },
        },
      },
      '/api/v1/operations': {
        post: {
          summary: 'Plan an intensification week (nclcc)',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('CreateOperation') } },
          },
          responses: { '201': json(ref('Operation'), 'Created'), ...errors },
        },
        get: {
          summary: 'All weeks, newest first',
          responses: { '200': json({ type: 'array', items: ref('Operation') }), ...errors },
        },
      },
      '/api/v1/operations/{id}': {
        get: {
          summary: 'One week',
          parameters: [idParam('id')],
          responses: {
            '200': json(ref('Operation')),
            '404': problemResponse('No such operation'),
            ...errors,
          },
        },
      },
      '/api/v1/operations/{id}/outcomes': {
        post: {
          summary: 'Report an outcome (nclcc; regional within its region; force for itself)',
          description:
            'Same key and same body again: 200 with the same id, counted once. Same key, other body: 409 `idempotency_conflict`. Accepted means committed and never lost. Bodies over 256 KiB get 413.',
          parameters: [
            idParam('id'),
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x20-\\x7e]+$' },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('OutcomeBody') } },
          },
          responses: {
            '202': json(ref('OutcomeAccepted'), 'Accepted (first time)'),
            '200': json(ref('OutcomeAccepted'), 'Replay of an accepted request'),
            ...errors,
            '404': problemResponse('No such operation'),
            '409': problemResponse('`idempotency_conflict` or `operation_closed`'),
            '413': problemResponse('Body too large'),
          },
        },
        get: {
          summary: 'Outcomes in your scope, newest first, each with its version history',
          parameters: [
            idParam('id'),
            { name: 'force', in: 'query', schema: ref('ForceCode') },
            {
              name: 'type',
              in: 'query',
              schema: { type: 'string', enum: ['arrest', 'seizure', 'safeguarding', 'line'] },
            },
            {
              name: 'status',
              in: 'query',
              schema: { type: 'string', enum: ['live', 'retracted'] },
            },
            ...pageParams,
          ],
          responses: {
            '200': pageOf(ref('OutcomeItem')),
            ...errors,
            '404': problemResponse('No such operation'),
          },
        },
      },
      '/api/v1/me': {
        get: {
          summary: 'Who the token says you are, and the forces you may report for',
          responses: {
            '200': json({
              type: 'object',
              properties: {
                sub: { type: 'string' },
                role: { type: 'string' },
                region: ref('RegionCode'),
                force: ref('ForceCode'),
                forces: { type: 'array', items: ref('ForceCode') },
              },
            }),
            '401': errors['401'],
          },
        },
      },
      '/api/v1/operations/{id}/close': {
        post: {
          summary:
            'Make the week final (nclcc); later writes get 409 operation_closed. Closing a closed week changes nothing.',
          parameters: [idParam('id')],
          responses: {
            '200': json(ref('Operation')),
            '404': problemResponse('No such operation'),
            ...errors,
          },
        },
      },
      '/api/v1/operations/{id}/reopen': {
        post: {
          summary: 'Reopen a closed week for late corrections (nclcc), with an audited reason',
          parameters: [idParam('id')],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('Reason') } },
          },
          responses: {
            '200': json(ref('Operation')),
            '404': problemResponse('No such operation'),
            ...errors,
          },
        },
      },
      '/api/v1/operations/{id}/outcomes/import': {
        post: {
          summary: 'Import a CSV return, one outcome per row',
          description: [
            `Content-Type \`text/csv\`, UTF-8, at most ${CSV_LIMITS.bytes / 1024 / 1024} MiB and ${CSV_LIMITS.rows} rows (413 beyond).`,
            'The first row is the header; columns may come in any order; unknown or repeated columns, or missing required ones, reject the whole file (400).',
            `Required columns: ${CSV_REQUIRED_COLUMNS.join(', ')}. All columns: ${CSV_COLUMNS.join(', ')}.`,
            'Scalar fields keep their JSON names; drugs and weapons are flattened: `<drug>_grams`, `<drug>_plants`, `<drug>_value_pence` for crack, heroin, cocaine, cannabis and other; `weapons_firearm`, `weapons_bladed`, `weapons_other`.',
            'Blank cells are absent fields. Each row carries its own `idempotencyKey`, so uploading the same file again changes nothing (its rows count as duplicates).',
            'Good rows are accepted even when others are rejected; each rejected row is listed with its row number and every bad column. Rows for forces outside your scope are rejected one by one.',
          ].join(' '),
          parameters: [idParam('id')],
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
          responses: {
            '200': json(ref('ImportResult')),
            ...errors,
            '404': problemResponse('No such operation'),
            '409': problemResponse('`operation_closed`'),
            '413': problemResponse('File too large'),
            '415': problemResponse('Not text/csv'),
          },
        },
      },
      '/api/v1/outcomes/{outcomeId}/corrections': {
        post: {
          summary:
            'Correct an outcome with a complete replacement body of the same type; tallies count the latest version only',
          parameters: [
            idParam('outcomeId'),
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              schema: { type: 'string', minLength: 1, maxLength: 200 },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('OutcomeBody') } },
          },
          responses: {
            '202': json(ref('OutcomeChangeAccepted'), 'Accepted'),
            '200': json(ref('OutcomeChangeAccepted'), 'Replay'),
            ...errors,
            '404': problemResponse('No such outcome'),
            '409': problemResponse(
              '`idempotency_conflict`, `operation_closed` or `outcome_retracted`',
            ),
          },
        },
      },
      '/api/v1/outcomes/{outcomeId}/retraction': {
        post: {
          summary:
            'Retract an outcome; tallies drop it. Retracting it again answers 200 and changes nothing.',
          parameters: [idParam('outcomeId')],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('Reason') } },
          },
          responses: {
            '202': json(ref('OutcomeChangeAccepted'), 'Accepted'),
            '200': json(ref('OutcomeChangeAccepted'), 'Already retracted'),
            ...errors,
            '404': problemResponse('No such outcome'),
            '409': problemResponse('`operation_closed`'),
          },
        },
      },
      '/api/v1/audit': {
        get: {
          summary: 'The audit trail, newest first (nclcc only)',
          description:
            'Every write of operations, outcomes and taskings (including deadline effects, by `system:tasking-deadlines`), with who, when, what and the correlation id. Entries of the tasking service have ids prefixed `tasking-`.',
          parameters: [
            { name: 'operationId', in: 'query', schema: { type: 'string', format: 'uuid' } },
            ...pageParams,
          ],
          responses: {
            '200': pageOf(ref('AuditEntry')),
            ...errors,
          },
        },
      },
      ...taskingPaths(),
      ...intelligencePaths(),
      ...accessLogPaths(),
      '/api/v1/operations/{id}/board': {
        get: {
          summary:
            'Live tallies: national, per region, per force; scoped users see their own region in detail',
          parameters: [idParam('id')],
          responses: {
            '200': json(ref('Board')),
            '404': problemResponse('No such operation'),
            ...errors,
          },
        },
      },
      '/api/v1/operations/{id}/board/stream': {
        get: {
          summary:
            'Server-Sent Events: `board` with the full board on connect and after every change',
          description:
            'Browsers may pass the token as `?access_token=` since EventSource cannot set headers.',
          parameters: [idParam('id')],
          responses: {
            '200': { description: 'text/event-stream', content: { 'text/event-stream': {} } },
            ...errors,
          },
        },
      },
      ...boardExtraPaths(),
      '/api/v1/health': {
        get: {
          summary: 'Readiness of Kafka, PostgreSQL, Redis and every consumer',
          security: [],
          responses: {
            '200': json({ type: 'object' }),
            '503': json({ type: 'object' }, 'A check failed'),
          },
        },
      },
    },
  };
}

const dateTime = { type: 'string', format: 'date-time' };

const TASKING_COMPONENTS = {
  TaskingCounts: {
    type: 'object',
    description:
      'Each tasking counts in one status bucket (cancelled ones in none); `overdue` counts open taskings past their due time, so an in-progress tasking may also be overdue.',
    properties: {
      issued: int,
      acknowledged: int,
      inProgress: int,
      completed: int,
      declined: int,
      overdue: int,
    },
  },
  OverdueTasking: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      force: ref('ForceCode'),
      priority: { type: 'string', enum: TASKING_PRIORITIES },
      dueAt: dateTime,
      overdueForMinutes: int,
    },
  },
  IssueTasking: component(ISSUE_TASKING_SCHEMA),
  IssueTaskings: component(ISSUE_TASKINGS_SCHEMA),
  ...Object.fromEntries(
    Object.entries(TRANSITION_SCHEMAS).map(([name, schema]) => [
      `Tasking${name[0].toUpperCase()}${name.slice(1)}`,
      component(schema),
    ]),
  ),
  Tasking: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      operationId: { type: 'string', format: 'uuid' },
      force: ref('ForceCode'),
      lineId: { type: 'string' },
      action: { type: 'string' },
      priority: { type: 'string', enum: TASKING_PRIORITIES },
      dueAt: dateTime,
      acknowledgeWithinMinutes: { type: 'integer' },
      notes: { type: 'string' },
      status: { type: 'string', enum: TASKING_STATUSES },
      overdue: { type: 'boolean' },
      reminded: {
        type: 'boolean',
        description:
          'Not acknowledged within `acknowledgeWithinMinutes` of its latest issue: a `tasking.reminder-due` went out',
      },
      escalated: {
        type: 'boolean',
        description: 'Overdue and P1: escalated to the NCLCC (`tasking.escalated`)',
      },
      issuedBy: {
        type: 'object',
        properties: { sub: { type: 'string' }, role: { type: 'string' } },
      },
      issuedAt: dateTime,
      updatedAt: dateTime,
      outcomeIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
      declineReason: { type: 'string' },
      cancelReason: { type: 'string' },
      history: {
        type: 'array',
        description: 'Only on `GET /api/v1/taskings/{id}`: every event, oldest first.',
        items: {
          type: 'object',
          properties: {
            seq: { type: 'integer' },
            type: { type: 'string' },
            at: dateTime,
            actor: { type: 'object' },
            from: { type: ['string', 'null'] },
            to: { type: 'string' },
            details: { type: 'object' },
          },
        },
      },
    },
  },
};

const TRANSITION_SUMMARIES: Record<string, string> = {
  acknowledge: 'Acknowledge an issued tasking (nclcc; regional for its forces; force for itself)',
  start: 'Start an acknowledged tasking (same scope as acknowledge)',
  complete: 'Complete a tasking in progress, optionally linking outcome ids (same scope)',
  decline: 'Decline an issued or acknowledged tasking, with a reason (same scope)',
  cancel: 'Cancel an open tasking (its issuer, or nclcc)',
  reassign:
    'Reassign an open tasking to another force: issued again there, with fresh deadlines (its issuer within its scope, or nclcc)',
};

function taskingPaths(): Record<string, object> {
  const transitions = Object.fromEntries(
    Object.keys(TRANSITION_SCHEMAS).map((name) => [
      `/api/v1/taskings/{id}/${name}`,
      {
        post: {
          summary: TRANSITION_SUMMARIES[name],
          parameters: [idParam('id')],
          requestBody: {
            content: {
              'application/json': {
                schema: ref(`Tasking${name[0].toUpperCase()}${name.slice(1)}`),
              },
            },
          },
          responses: {
            '200': json(ref('Tasking')),
            ...errors,
            '404': problemResponse('No such tasking'),
            '409': problemResponse(
              '`illegal_transition`: not allowed from the current state, named in `detail` and in `errors` as `{field: "status", message: "is <state>"}`',
            ),
          },
        },
      },
    ]),
  );
  return {
    '/api/v1/operations/{id}/taskings': {
      post: {
        summary:
          'Task forces (nclcc for any force; regional for the forces of its region). One tasking, or `{taskings: [...]}` for many at once: all or nothing.',
        description:
          'Deadlines: a `tasking.reminder-due` event when not acknowledged within `acknowledgeWithinMinutes` (default 240), `tasking.overdue` when `dueAt` passes before completion, and `tasking.escalated` to the NCLCC when a P1 is overdue. Same key and same body again: 200 with the same answer; same key, other body: 409 `idempotency_conflict`.',
        parameters: [
          idParam('id'),
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x20-\\x7e]+$' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { oneOf: [ref('IssueTasking'), ref('IssueTaskings')] } },
          },
        },
        responses: {
          '201': json(
            {
              oneOf: [
                ref('Tasking'),
                {
                  type: 'object',
                  properties: { taskings: { type: 'array', items: ref('Tasking') } },
                },
              ],
            },
            'Issued (status `issued`)',
          ),
          '200': json({}, 'Replay of an issued request: the first answer again'),
          ...errors,
          '404': problemResponse('No such operation'),
          '409': problemResponse('`idempotency_conflict` or `operation_closed`'),
        },
      },
    },
    '/api/v1/taskings': {
      get: {
        summary: 'Taskings in your scope (a region its forces, a force itself), newest first',
        parameters: [
          { name: 'operationId', in: 'query', schema: { type: 'string', format: 'uuid' } },
          { name: 'force', in: 'query', schema: ref('ForceCode') },
          { name: 'region', in: 'query', schema: ref('RegionCode') },
          { name: 'status', in: 'query', schema: { type: 'string', enum: TASKING_STATUSES } },
          ...pageParams,
        ],
        responses: { '200': pageOf(ref('Tasking')), ...errors },
      },
    },
    '/api/v1/taskings/stream': {
      get: {
        summary:
          "Server-Sent Events: `taskings` with an operation's taskings in your scope on connect and after every change",
        description:
          'Each `taskings` event is `{operationId, items: [Tasking]}`, newest first: the whole list in your scope (a region its forces, a force itself), sent again after every issue, transition, reminder, overdue or escalation (coalesced, at most a few per second). A comment line every 15 s keeps proxies from closing an idle stream. Browsers may pass the token as `?access_token=` since EventSource cannot set headers.',
        parameters: [
          {
            name: 'operationId',
            in: 'query',
            required: true,
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        responses: {
          '200': { description: 'text/event-stream', content: { 'text/event-stream': {} } },
          ...errors,
          '404': problemResponse('No such operation'),
        },
      },
    },
    '/api/v1/taskings/{id}': {
      get: {
        summary: 'One tasking with its full history',
        parameters: [idParam('id')],
        responses: {
          '200': json(ref('Tasking')),
          ...errors,
          '404': problemResponse('No such tasking'),
        },
      },
    },
    ...transitions,
  };
}

const OUTCOME_COUNTS = Object.fromEntries(OUTCOME_TYPES.map((t) => [t, int]));

const BOARD_EXTRA_COMPONENTS = {
  ForceMap: {
    type: 'object',
    properties: {
      attribution: { type: 'string' },
      cells: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            force: ref('ForceCode'),
            name: { type: 'string' },
            short: { type: 'string', description: 'Three-letter label' },
            region: { oneOf: [ref('RegionCode'), { type: 'null' }] },
            q: { type: 'integer' },
            r: { type: 'integer' },
          },
        },
      },
    },
  },
  BoardTimeline: {
    type: 'object',
    properties: {
      operationId: { type: 'string', format: 'uuid' },
      force: { type: ['string', 'null'] },
      region: { type: ['string', 'null'] },
      hours: {
        type: 'array',
        description: 'Hours with outcomes, oldest first',
        items: {
          type: 'object',
          properties: {
            hour: { ...dateTime, description: 'Start of the UTC hour of `occurredAt`' },
            total: int,
            ...OUTCOME_COUNTS,
          },
        },
      },
    },
  },
};

const csv = (description: string) => ({
  description,
  content: { 'text/csv': { schema: { type: 'string' } } },
});

function boardExtraPaths(): Record<string, object> {
  const scopeErrors = { ...errors, '404': problemResponse('No such operation') };
  return {
    '/api/v1/operations/{id}/board/timeline': {
      get: {
        summary:
          'Outcomes per hour of `occurredAt` by type (latest versions; retracted ones dropped): national, or one force or region',
        description:
          "Everyone may read the national timeline; `force` and `region` must be within the caller's scope (403 `forbidden_scope` otherwise). Kept by the board projection, so it is as current as the board.",
        parameters: [
          idParam('id'),
          { name: 'force', in: 'query', schema: ref('ForceCode') },
          { name: 'region', in: 'query', schema: ref('RegionCode') },
        ],
        responses: { '200': json(ref('BoardTimeline')), ...scopeErrors },
      },
    },
    '/api/v1/operations/{id}/board/forces.csv': {
      get: {
        summary:
          "The board's force table as CSV: one row per force the caller may see, every tally figure (drugs and weapons flattened as in CSV returns, `lines_*`) and tasking counts (`taskings_*`)",
        parameters: [idParam('id')],
        responses: { '200': csv('Attachment, UTF-8, CRLF line ends'), ...scopeErrors },
      },
    },
    '/api/v1/operations/{id}/outcomes.csv': {
      get: {
        summary:
          'Every outcome of the week as CSV, newest first, scoped like `GET /outcomes` (a region its forces, a force itself)',
        description:
          'Columns: `id`, `status` (live or retracted), `version`, `createdAt`, `updatedAt`, then the CSV return columns (latest version) without `idempotencyKey`. Written page by page. Text starting with `=`, `+`, `-` or `@` is prefixed with an apostrophe so spreadsheets do not run it.',
        parameters: [idParam('id')],
        responses: { '200': csv('Attachment, UTF-8, CRLF line ends'), ...scopeErrors },
      },
    },
    '/api/v1/operations/{id}/summary.pdf': {
      get: {
        summary:
          "The week's summary (national and regional figures, top forces, tasking completion) as an A4 PDF, in the caller's scope",
        description:
          "Rendered by headless Chromium from the printable page `/board/{id}/summary`, loaded with the caller's own token. 503 `service_unavailable` when Chromium (`CHROMIUM_PATH`) is missing.",
        parameters: [idParam('id')],
        responses: {
          '200': {
            description: 'Attachment',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          ...scopeErrors,
          '503': problemResponse('Chromium is not available'),
        },
      },
    },
  };
}

import { LINE_RETURN_COLUMNS, LINE_RETURN_LIMITS } from './line-return';
import {
  ADD_NUMBER_SCHEMA,
  NUMBER_STATUSES,
  REGISTER_LINE_SCHEMA,
  UPDATE_LINE_SCHEMA,
} from './line';
import { APPLY_DDTROS_SCHEMA, DDTRO_DECISION_SCHEMAS, DDTRO_STATUSES } from './ddtro';
import { FOCUS_LINES_SCHEMA } from './intelligence';
import { errors, idParam, json, pageOf, problemResponse, ref } from './openapi-helpers';

const strip = (schema: object): object => {
  const { $id: _id, ...rest } = schema as Record<string, unknown>;
  return rest;
};
const int = { type: 'integer', minimum: 0 };
const dateTime = { type: 'string', format: 'date-time' };
const uuid = { type: 'string', format: 'uuid' };
const strings = { type: 'array', items: { type: 'string' } };
const q = (name: string, schema: object, description?: string) => ({
  name,
  in: 'query',
  schema,
  ...(description && { description }),
});

/** Schemas of the county lines register, built from the ones the intelligence service validates with. */
export function intelligenceComponents(): Record<string, object> {
  return {
    RegisterLine: strip(REGISTER_LINE_SCHEMA),
    UpdateLine: strip(UPDATE_LINE_SCHEMA),
    AddLineNumber: strip(ADD_NUMBER_SCHEMA),
    ApplyDdtros: strip(APPLY_DDTROS_SCHEMA),
    ...Object.fromEntries(
      Object.entries(DDTRO_DECISION_SCHEMAS).map(([k, v]) => [
        `Ddtro${k[0].toUpperCase()}${k.slice(1)}`,
        strip(v),
      ]),
    ),
    SetFocusLines: strip(FOCUS_LINES_SCHEMA),
    DealNumber: {
      type: 'object',
      properties: {
        number: { type: 'string' },
        status: { type: 'string', enum: NUMBER_STATUSES },
        firstSeenAt: dateTime,
        lastSeenAt: dateTime,
        replacedBy: { type: 'string' },
        replacedAt: dateTime,
        cutOffAt: dateTime,
      },
    },
    Line: {
      type: 'object',
      description:
        'A county line as recorded by one force (`recordedBy`), named within that force by its brand. People are pseudonymous references only; `holderRefs` appear on `GET /api/v1/lines/{id}` alone and every such read is audited.',
      properties: {
        id: uuid,
        brand: { type: 'string' },
        recordedBy: ref('ForceCode'),
        exportingForce: ref('ForceCode'),
        importingForces: { type: 'array', items: ref('ForceCode') },
        status: { type: 'string', enum: ['active', 'dormant', 'closed'] },
        closureType: { type: ['string', 'null'], enum: ['type1', 'type2', null] },
        riskFactors: {
          type: 'object',
          properties: {
            childrenExploited: { type: 'boolean' },
            weapons: { type: 'boolean' },
            violence: { type: 'boolean' },
            cuckooing: { type: 'boolean' },
          },
        },
        lastIntelligenceAt: { type: ['string', 'null'], format: 'date-time' },
        numbers: { type: 'array', items: ref('DealNumber') },
        holderCount: int,
        holderRefs: strings,
        createdAt: dateTime,
        updatedAt: dateTime,
      },
    },
    Ddtro: {
      type: 'object',
      properties: {
        id: uuid,
        lineId: uuid,
        number: { type: 'string' },
        batchId: uuid,
        status: { type: 'string', enum: DDTRO_STATUSES },
        appliedAt: dateTime,
        grantedAt: dateTime,
        actionedAt: dateTime,
        refusedAt: dateTime,
        refusalReason: { type: 'string' },
        providerDeadline: dateTime,
        providerOverdue: { type: 'boolean' },
        numberFirstSeenAt: dateTime,
      },
    },
    LineReturnReport: {
      type: 'object',
      properties: {
        force: ref('ForceCode'),
        month: { type: 'string' },
        replayed: { type: 'boolean' },
        counts: {
          type: 'object',
          properties: { new: int, updated: int, unchanged: int, rejected: int, notSeen: int },
        },
        changes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              row: int,
              lineId: uuid,
              brand: { type: 'string' },
              change: { type: 'string', enum: ['new', 'updated', 'unchanged'] },
              fields: strings,
            },
          },
        },
        rejected: {
          type: 'array',
          items: { type: 'object', properties: { row: int, line: int, errors: { type: 'array' } } },
        },
        notSeenThisMonth: {
          type: 'array',
          items: {
            type: 'object',
            properties: { lineId: uuid, brand: { type: 'string' }, status: { type: 'string' } },
          },
        },
      },
    },
    FocusMap: {
      type: 'object',
      description: 'Every force code (43 + BTP) is present.',
      properties: {
        operationId: uuid,
        asOf: dateTime,
        focusLines: { type: 'array', items: uuid },
        forces: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: {
              activeLinesExporting: int,
              activeLinesImporting: int,
              focusLinesTouching: int,
              focusForce: { type: 'boolean' },
              outcomes: ref('Tally'),
            },
          },
        },
      },
    },
  };
}

const body = (name: string) => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});
const lineNotFound = problemResponse('No such line');

/** Paths of the county lines register (intelligence service), through the gateway. */
export function intelligencePaths(): Record<string, object> {
  return {
    '/api/v1/lines': {
      post: {
        summary:
          'Register a line (nclcc and regional name `recordedBy`, default the exporting force; a force user records for itself)',
        description:
          "The brand names a line within the force that records it: the same registration again answers 200 with the line; a different one for a known brand, or a number another of the force's lines holds, is 409 `conflict` naming that line. Holder references must be pseudonymous (A-Z, 0-9, hyphens, with a digit, no dates).",
        requestBody: body('RegisterLine'),
        responses: {
          '201': json(ref('Line'), 'Registered'),
          '200': json(ref('Line'), 'Already registered as sent'),
          ...errors,
          '409': problemResponse('`conflict`'),
        },
      },
      get: {
        summary:
          'Lines in your scope, newest first (a region: lines exporting from or importing into its forces; a force: its own)',
        parameters: [
          q('q', { type: 'string' }, 'part of a brand, or a deal number'),
          q('force', ref('ForceCode'), 'recorded by, exporting from or importing into this force'),
          q('region', ref('RegionCode')),
          q('status', { type: 'string', enum: ['active', 'dormant', 'closed'] }),
          q('cursor', { type: 'string' }),
          q('limit', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
        ],
        responses: { '200': pageOf(ref('Line')), ...errors },
      },
    },
    '/api/v1/lines/ranking': {
      get: {
        summary:
          'Lines ranked by harm score, each with the factors, weights and points behind it (method `harm-v1`, see the README)',
        parameters: [
          q(
            'asOf',
            dateTime,
            'the instant recency is judged at (default now): the same asOf gives the same ranking',
          ),
          q('status', { type: 'string', enum: ['active', 'dormant', 'closed'], default: 'active' }),
          q('force', ref('ForceCode')),
          q('limit', { type: 'integer', minimum: 1, maximum: 500, default: 100 }),
        ],
        responses: {
          '200': json({
            type: 'object',
            properties: { asOf: dateTime, method: { type: 'string' }, items: { type: 'array' } },
          }),
          ...errors,
        },
      },
    },
    '/api/v1/lines/{id}': {
      get: {
        summary:
          'One line with holder references (read audited), number history, DDTROs, deconfliction and replacement alerts',
        parameters: [idParam('id')],
        responses: { '200': json(ref('Line')), ...errors, '404': lineNotFound },
      },
      patch: {
        summary:
          'Change the fields given (status, closure type, forces, holders, risk factors, …); a change that changes nothing writes nothing',
        parameters: [idParam('id')],
        requestBody: body('UpdateLine'),
        responses: {
          '200': json(ref('Line')),
          ...errors,
          '404': lineNotFound,
          '409': problemResponse('`conflict`: the new brand is another line of the force'),
        },
      },
    },
    '/api/v1/lines/{id}/numbers': {
      post: {
        summary:
          'A number seen on the line, optionally replacing one it used; under a DDTRO a new number raises a replacement alert',
        parameters: [idParam('id')],
        requestBody: body('AddLineNumber'),
        responses: {
          '200': json(ref('Line')),
          ...errors,
          '404': lineNotFound,
          '409': problemResponse('`conflict`: the number is on another line of the force'),
        },
      },
    },
    '/api/v1/lines/{id}/ddtros': {
      post: {
        summary: 'Apply for DDTROs against several numbers of the line at once: all or nothing',
        parameters: [
          idParam('id'),
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
        ],
        requestBody: body('ApplyDdtros'),
        responses: {
          '201': json(
            {
              type: 'object',
              properties: { batchId: uuid, ddtros: { type: 'array', items: ref('Ddtro') } },
            },
            'Applied',
          ),
          '200': json({}, 'Replay of the same key and body'),
          ...errors,
          '404': lineNotFound,
          '409': problemResponse(
            '`conflict` (a number already has an order in hand) or `idempotency_conflict`',
          ),
        },
      },
    },
    '/api/v1/forces/{code}/returns/{month}': {
      post: {
        summary: "Upload a force's monthly return of lines (`text/csv`, month `yyyy-mm`)",
        description: `Columns: ${LINE_RETURN_COLUMNS.join(', ')}; only \`brand\` is required. Lists are separated by \`;\` or \`|\`; flags are yes/no. An empty \`exportingForce\` is the uploading force; an empty \`status\` keeps a known line's status. Each row upserts the force's line of that brand (never a second line; a number held by another of the force's lines rejects the row); numbers are added, \`replacedNumbers\` are marked replaced by the row's first new number. The report says, per row, new / updated (with the fields) / unchanged, lists rejected rows with every bad column, and the force's open lines no return of the month listed. The same file for the same force and month again changes nothing and answers the first report with \`replayed: true\`. At most ${LINE_RETURN_LIMITS.rows} rows and ${LINE_RETURN_LIMITS.bytes / 1024 / 1024} MiB.`,
        parameters: [
          { name: 'code', in: 'path', required: true, schema: ref('ForceCode') },
          {
            name: 'month',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
          },
        ],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: {
          '200': json(ref('LineReturnReport')),
          ...errors,
          '415': problemResponse('Not `text/csv`'),
        },
      },
    },
    '/api/v1/deconfliction/alerts': {
      get: {
        summary:
          'Numbers and holder references found in lines recorded by more than one force (nclcc all; a region those concerning it; a force those it recorded)',
        parameters: [
          q('kind', { type: 'string', enum: ['number', 'holder'] }),
          q('force', ref('ForceCode')),
          q('limit', { type: 'integer' }),
        ],
        responses: {
          '200': json({ type: 'object', properties: { items: { type: 'array' } } }),
          ...errors,
        },
      },
    },
    '/api/v1/line-holders': {
      get: {
        summary:
          'Line holders linked to several lines in your scope, ranked by lines controlled (`?linkedLines>=2`); every read is audited',
        parameters: [
          q(
            'linkedLines>',
            { type: 'integer', minimum: 1, default: 2 },
            'least number of linked lines',
          ),
          q('limit', { type: 'integer' }),
        ],
        responses: {
          '200': json({ type: 'object', properties: { items: { type: 'array' } } }),
          ...errors,
        },
      },
    },
    '/api/v1/operations/{id}/focus-lines': {
      put: {
        summary:
          "NCLCC: set the week's focus lines; the week's focusForces become every force they export from or import into",
        parameters: [idParam('id')],
        requestBody: body('SetFocusLines'),
        responses: {
          '200': json({
            type: 'object',
            properties: {
              operationId: uuid,
              lineIds: strings,
              focusForces: strings,
              setAt: dateTime,
            },
          }),
          ...errors,
          '404': problemResponse('No such operation'),
          '409': problemResponse('`operation_closed`'),
        },
      },
      get: {
        summary: "The week's focus lines and focus forces",
        parameters: [idParam('id')],
        responses: {
          '200': json({ type: 'object' }),
          ...errors,
          '404': problemResponse('No such operation'),
        },
      },
    },
    '/api/v1/operations/{id}/focus-map': {
      get: {
        summary:
          "Per force: active lines exporting and importing, focus lines touching it, whether it is a focus force, and the week's outcomes there",
        parameters: [idParam('id')],
        responses: {
          '200': json(ref('FocusMap')),
          ...errors,
          '404': problemResponse('No such operation'),
        },
      },
    },
    '/api/v1/ddtros': {
      get: {
        summary: 'DDTROs on lines in your scope, newest first',
        parameters: [
          q('lineId', uuid),
          q('status', { type: 'string', enum: DDTRO_STATUSES }),
          q('limit', { type: 'integer' }),
        ],
        responses: {
          '200': json({
            type: 'object',
            properties: { items: { type: 'array', items: ref('Ddtro') } },
          }),
          ...errors,
        },
      },
    },
    '/api/v1/ddtros/stats': {
      get: {
        summary:
          'Counts by status, provider deadlines missed, and the median hours from a number first seen to its order granted',
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    ...Object.fromEntries(
      Object.keys(DDTRO_DECISION_SCHEMAS).map((d) => [
        `/api/v1/ddtros/{id}/${d}`,
        {
          post: {
            summary:
              d === 'grant'
                ? 'The court granted the order: the provider has 5 working days (tracked; `ddtro.provider-overdue` when missed)'
                : d === 'actioned'
                  ? 'The provider cut the number off: the number is marked cut off on the line'
                  : 'The court refused the order (reason required)',
            parameters: [idParam('id')],
            requestBody: {
              content: {
                'application/json': { schema: ref(`Ddtro${d[0].toUpperCase()}${d.slice(1)}`) },
              },
            },
            responses: {
              '200': json(ref('Ddtro')),
              ...errors,
              '404': problemResponse('No such DDTRO'),
              '409': problemResponse(
                '`illegal_transition`: `errors: [{field: "status", message: "is <status>"}]`',
              ),
            },
          },
        },
      ]),
    ),
    '/api/v1/intelligence/audit': {
      get: {
        summary:
          'NCLCC: the intelligence audit trail (every change, every read of holder references), newest first',
        parameters: [q('action', { type: 'string' })],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
  };
}

import { FOCUS_FORCE_OVERRIDE_SCHEMA, FOCUS_OVERRIDE_REASONS } from '../../focus-override';
import { FOCUS_LINES_SCHEMA, DECONFLICTION_KINDS } from '../../intelligence';
import { DECONFLICTION_STATUSES } from '../../deconfliction';
import {
  ADD_NUMBER_SCHEMA,
  CLOSURE_TYPES,
  LINE_STATUSES,
  NUMBER_STATUSES,
  REGISTER_LINE_SCHEMA,
  RISK_FACTORS,
  UPDATE_LINE_SCHEMA,
} from '../../line';
import { LINE_RETURN_COLUMNS, LINE_RETURN_LIMITS } from '../../line-return';
import { notFound, ok, problem, query } from '../answers';
import { ApiRoute, Parameter } from '../route';
import { onId, pagedList, RouteDetails, routesOf, conflicts } from '../route-builders';
import { array, enumOf, forceCode, nullable, object, ref, regionCode } from '../schema-builders';
import { bool, dateTime, int, str, uuid } from '../schema-scalars';

const lineStatus = enumOf(LINE_STATUSES);
const forceParam: Parameter = { name: 'force', in: 'path', required: true, schema: forceCode };
const limit = (max = 500, dflt = 50) =>
  query('limit', { type: 'integer', minimum: 1, maximum: max, default: dflt });
const lineFields = {
  id: uuid,
  brand: str,
  recordedBy: forceCode,
  exportingForce: forceCode,
  importingForces: array(forceCode),
  status: lineStatus,
  closureType: nullable(enumOf(CLOSURE_TYPES)),
  riskFactors: object(Object.fromEntries(RISK_FACTORS.map((r) => [r, bool])), { closed: true }),
  lastIntelligenceAt: nullable(dateTime),
  numbers: array(ref('DealNumber')),
  holderCount: int,
  closedByOutcomeId: {
    ...uuid,
    description: 'The reported outcome (`closed-type1` or `closed-type2`) that closed the line',
  },
  createdAt: dateTime,
  updatedAt: dateTime,
};

export const LINE_SCHEMAS: Record<string, object> = {
  DealNumber: object(
    {
      number: str,
      status: enumOf(NUMBER_STATUSES),
      firstSeenAt: dateTime,
      lastSeenAt: dateTime,
      replacedBy: str,
      replacedAt: dateTime,
      cutOffAt: dateTime,
    },
    { optional: ['replacedBy', 'replacedAt', 'cutOffAt'] },
  ),
  Line: object(
    { ...lineFields, holderRefs: array(str) },
    {
      optional: ['holderRefs', 'closedByOutcomeId'],
      description:
        'A county line as recorded by one force (`recordedBy`), named within that force by its brand. People are pseudonymous references only; `holderRefs` appear on the line itself, never in lists.',
    },
  ),
  LineDetail: object(
    {
      ...lineFields,
      holderRefs: array(str),
      numberHistory: array(
        object({
          number: str,
          event: enumOf(['seen', 'replaced', 'cut-off']),
          at: dateTime,
          details: { type: 'object' },
        }),
      ),
      ddtros: array(ref('Ddtro')),
      deconfliction: array(ref('DeconflictionAlert')),
      replacementAlerts: array(
        object({ id: str, lineId: uuid, number: str, ddtroIds: array(str), raisedAt: dateTime }),
      ),
    },
    {
      optional: ['closedByOutcomeId'],
      description:
        'One line with its holder references (read audited), number history, orders and alerts',
    },
  ),
  DeconflictionAlert: object(
    {
      id: str,
      kind: enumOf(DECONFLICTION_KINDS),
      value: str,
      forces: array(forceCode),
      regions: array(regionCode),
      lineIds: array(uuid),
      raisedAt: dateTime,
      updatedAt: dateTime,
      status: enumOf(DECONFLICTION_STATUSES),
      region: { ...nullable(regionCode), description: 'The region the NCLCC handed it to' },
      acknowledgedAt: dateTime,
      acknowledgedBy: ref('AlertActor'),
      resolvedAt: dateTime,
      resolvedBy: ref('AlertActor'),
      resolutionNote: str,
      handedAt: dateTime,
      handedBy: ref('AlertActor'),
    },
    {
      optional: [
        'acknowledgedAt',
        'acknowledgedBy',
        'resolvedAt',
        'resolvedBy',
        'resolutionNote',
        'handedAt',
        'handedBy',
      ],
    },
  ),
  AlertActor: object(
    { sub: str, role: str, region: regionCode, force: forceCode },
    { optional: ['region', 'force'], description: 'Who took a step on an alert' },
  ),
  LineReturnReport: object({
    force: forceCode,
    month: str,
    replayed: bool,
    counts: object({ new: int, updated: int, unchanged: int, rejected: int, notSeen: int }),
    changes: array(
      object(
        {
          row: int,
          lineId: uuid,
          brand: str,
          change: enumOf(['new', 'updated', 'unchanged']),
          fields: array(str),
        },
        { optional: ['fields'] },
      ),
    ),
    rejected: array(object({ row: int, line: int, errors: array(ref('FieldError')) })),
    notSeenThisMonth: array(object({ lineId: uuid, brand: str, status: str })),
  }),
  FocusLines: object(
    {
      operationId: uuid,
      lineIds: array(uuid),
      focusForces: array(forceCode),
      setAt: nullable(dateTime),
      lineForces: array(forceCode),
      overrides: array(
        object(
          {
            force: forceCode,
            focus: bool,
            reasonCode: enumOf(FOCUS_OVERRIDE_REASONS),
            reason: str,
            by: object({ sub: str, role: str }),
            at: dateTime,
          },
          { optional: ['reason', 'by'] },
        ),
      ),
    },
    { optional: ['lineForces', 'overrides'] },
  ),
};

const { get, patch, post, put } = routesOf('lines');
const noLine = notFound('line');
const conflict = (description: string) => problem(description, ['conflict']);
const noOperation = notFound('operation');
/** A change to one line: the line as it now is, or why not. */
const lineChange = (body: RouteDetails['body'], conflictWhen: string) =>
  onId(ok(ref('Line')), noLine, { body, responses: { 409: conflict(conflictWhen) } });

export const LINE_ROUTES: ApiRoute[] = [
  post(
    '/api/v1/lines',
    'Register a line (nclcc and regional name `recordedBy`, default the exporting force; a force user records for itself)',
    {
      description:
        "The brand names a line within the force that records it: the same registration again answers 200 with the line; a different one for a known brand, or a number another of the force's lines holds, is 409 `conflict` naming that line. Holder references must be pseudonymous (A-Z, 0-9, hyphens, with a digit, no dates). Numbers are UK mobiles (07…, +44 7…); `closureType` is required when `status` is `closed` and only then.",
      body: { schema: REGISTER_LINE_SCHEMA, name: 'RegisterLine' },
      responses: {
        201: ok(ref('Line'), 'Registered'),
        200: ok(ref('Line'), 'Already registered as sent'),
        409: conflict('`conflict`: the brand or a number is another line of the force'),
      },
    },
  ),
  get(
    '/api/v1/lines',
    'Lines in your scope, newest first (a region: lines exporting from or importing into its forces; a force: its own)',
    pagedList(ref('Line'), [
      query('q', { type: 'string', maxLength: 100 }, 'part of a brand, or a deal number'),
      query('force', forceCode, 'recorded by, exporting from or importing into this force'),
      query('region', regionCode),
      query('status', lineStatus),
    ]),
  ),
  get(
    '/api/v1/lines/ranking',
    'Lines ranked by harm score, each with the factors, weights and points behind it (method `harm-v1`)',
    {
      params: [
        query(
          'asOf',
          dateTime,
          'the instant recency is judged at (default now): the same asOf gives the same ranking',
        ),
        query('status', { ...lineStatus, default: 'active' }),
        query('force', forceCode),
        limit(500, 100),
      ],
      responses: {
        200: ok(
          object({
            asOf: dateTime,
            method: str,
            items: array(
              object({
                rank: { type: 'integer', minimum: 1 },
                lineId: uuid,
                brand: str,
                exportingForce: forceCode,
                importingForces: array(forceCode),
                status: lineStatus,
                score: { type: 'number' },
                factors: array(
                  object({
                    factor: str,
                    value: { type: ['number', 'boolean'] },
                    weight: { type: 'number' },
                    points: { type: 'number' },
                    explanation: str,
                  }),
                ),
              }),
            ),
          }),
        ),
      },
    },
  ),
  get(
    '/api/v1/lines/{id}',
    'One line with holder references (read audited), number history, DDTROs, deconfliction and replacement alerts',
    onId(ok(ref('LineDetail')), noLine),
  ),
  patch(
    '/api/v1/lines/{id}',
    'Change the fields given (status, closure type, forces, holders, risk factors, …); a change that changes nothing writes nothing',
    {
      description:
        '`riskFactors` may name some factors only: the others keep their values. Reopening a closed line drops its closure type unless one is given.',
      ...lineChange(
        { schema: UPDATE_LINE_SCHEMA, name: 'UpdateLine' },
        '`conflict`: the new brand is another line of the force',
      ),
    },
  ),
  post(
    '/api/v1/lines/{id}/numbers',
    'A number seen on the line, optionally replacing one it used; under a DDTRO a new number raises a replacement alert',
    lineChange(
      { schema: ADD_NUMBER_SCHEMA, name: 'AddLineNumber' },
      '`conflict`: the number is on another line of the force',
    ),
  ),
  post(
    '/api/v1/forces/{code}/returns/{month}',
    "Upload a force's monthly return of lines (`text/csv`, month `yyyy-mm`)",
    {
      description: `Columns: ${LINE_RETURN_COLUMNS.join(', ')}; only \`brand\` is required. Lists are separated by \`;\` or \`|\`; flags are yes/no. An empty \`exportingForce\` is the uploading force; an empty \`status\` keeps a known line's status. Each row upserts the force's line of that brand (never a second line; a number held by another of the force's lines rejects the row); numbers are added, \`replacedNumbers\` are marked replaced by the row's first new number. The report says, per row, new / updated (with the fields) / unchanged, lists rejected rows with every bad column, and the force's open lines no return of the month listed. The same file for the same force and month again changes nothing and answers the first report with \`replayed: true\`. At most ${LINE_RETURN_LIMITS.rows} rows and ${LINE_RETURN_LIMITS.bytes / 1024 / 1024} MiB.`,
      params: [
        { name: 'code', in: 'path', required: true, schema: forceCode },
        {
          name: 'month',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
        },
      ],
      body: { schema: { type: 'string' }, contentType: 'text/csv' },
      responses: {
        200: ok(ref('LineReturnReport')),
        413: problem('Over the size or row limit', ['payload_too_large']),
        415: problem('Not `text/csv`', ['unsupported_media_type']),
      },
    },
  ),
  get(
    '/api/v1/deconfliction/alerts',
    'Numbers and holder references found in lines recorded by more than one force, with their status and the region handed to (nclcc all; a region those concerning it or handed to it; a force those it recorded)',
    {
      params: [
        query('kind', enumOf(DECONFLICTION_KINDS)),
        query('status', enumOf(DECONFLICTION_STATUSES)),
        query('force', forceCode),
        limit(),
      ],
      responses: { 200: ok(object({ items: array(ref('DeconflictionAlert')) })) },
    },
  ),
  get(
    '/api/v1/line-holders',
    'Line holders linked to several lines in your scope, ranked by lines controlled (`?linkedLines>=2`); every read is audited',
    {
      params: [
        query(
          'linkedLines>',
          { type: 'integer', minimum: 1, maximum: 999, default: 2 },
          'least number of linked lines',
        ),
        limit(),
      ],
      responses: {
        200: ok(
          object({
            items: array(
              object({
                holderRef: str,
                linkedLines: int,
                activeLines: int,
                forces: array(forceCode),
                lines: array(
                  object({
                    lineId: uuid,
                    brand: str,
                    status: lineStatus,
                    exportingForce: forceCode,
                  }),
                ),
              }),
            ),
          }),
        ),
      },
    },
  ),
  put(
    '/api/v1/operations/{id}/focus-lines',
    "NCLCC: set the week's focus lines; the week's focusForces become every force they export from or import into",
    onId(ok(ref('FocusLines')), noOperation, {
      body: { schema: FOCUS_LINES_SCHEMA, name: 'SetFocusLines' },
      responses: { 409: conflicts('operation_closed') },
    }),
  ),
  get(
    '/api/v1/operations/{id}/focus-lines',
    "The week's focus lines and focus forces (none yet: empty lists, `setAt` null)",
    onId(ok(ref('FocusLines')), noOperation, {
      description:
        '`lineForces` are the forces the focus lines touch; `focusForces` add and remove the overrides, whose list (newest first) gives the reason and who gave it to the NCLCC only.',
    }),
  ),
  put(
    '/api/v1/operations/{id}/focus-forces/{force}',
    'NCLCC: make a force a focus force (`focus: true`) or not, whatever the focus lines say, with a reason',
    onId(ok(ref('FocusLines')), noOperation, {
      description:
        'Every override is kept with who, when and why (the reason stays in the register and its audit trail; `operation.focus-lines-set` carries the reason code only). The override stands when the focus lines change, until the force is overridden again; the same override again changes nothing.',
      params: [forceParam],
      body: { schema: FOCUS_FORCE_OVERRIDE_SCHEMA, name: 'FocusForceOverride' },
      responses: { 409: conflicts('operation_closed') },
    }),
  ),
  get(
    '/api/v1/intelligence/audit',
    'NCLCC: the intelligence audit trail (every change, every read of holder references), newest first',
    {
      ...pagedList(ref('AuditEntry'), [
        query('action', str),
        query('operationId', uuid),
        query('subjectId', str),
        query('sub', str),
      ]),
    },
  ),
];

import { CSV_COLUMNS, CSV_LIMITS, CSV_REQUIRED_COLUMNS } from '../../csv-return';
import { REASON_SCHEMA } from '../../reporting';
import {
  DRUGS,
  LINE_ACTIONS,
  LIMITS,
  OUTCOME_BODY_SCHEMAS,
  OUTCOME_TYPES,
  OutcomeType,
} from '../../outcome.schema';
import { csvImport, notFound, ok, pageParams, pathId, problem, query } from '../answers';
import { ApiRoute } from '../route';
import { conflicts, idempotentWrite, onId, routesOf } from '../route-builders';
import { array, component, enumOf, forceCode, object, page, ref } from '../schema-builders';
import { dateTime, int, str, uuid } from '../schema-scalars';

const NAMES: Record<OutcomeType, string> = {
  arrest: 'ArrestOutcome',
  seizure: 'SeizureOutcome',
  safeguarding: 'SafeguardingOutcome',
  line: 'LineOutcome',
};

type Schema = Record<string, any>;

/**
 * A type's body schema as the code validates it, with the rules judged beside the schema
 * written into it: what JSON Schema can say as keywords, the rest as descriptions.
 */
function documentedBody(type: OutcomeType): Schema {
  const schema = component(OUTCOME_BODY_SCHEMAS[type]) as Schema;
  const properties: Schema = {
    ...schema.properties,
    occurredAt: {
      ...schema.properties.occurredAt,
      description:
        "Within the week's `startsAt`–`endsAt` and not in the future (400 naming `occurredAt` otherwise)",
    },
    lineId: { ...schema.properties.lineId, description: LINE_ID_RULE },
  };
  const rules: Record<OutcomeType, string> = {
    arrest: '`under18` and `charged` are each at most `count`; both default to 0.',
    seizure:
      'At least one of `cashPence`, `phones`, a drug figure or a weapon count is non-zero (400 naming `body` otherwise). Drug weights are grams with at most 3 decimals.',
    safeguarding:
      'At least one of `children`, `adults`, `nrmReferrals`, `cuckooedAddressesVisited` is non-zero (400 naming `body` otherwise).',
    line: '`ddtroApplied` and `ddtroGranted` are counts of orders; `true`/`false` are read as 1/0.',
  };
  if (type === 'arrest')
    for (const f of ['under18', 'charged'])
      properties[f] = { ...properties[f], description: 'At most `count`; default 0' };
  if (type === 'seizure') {
    const drug = properties.drugs.items;
    properties.drugs = {
      ...properties.drugs,
      items: {
        ...drug,
        properties: {
          ...drug.properties,
          grams: {
            ...drug.properties.grams,
            multipleOf: 0.001,
            description: 'Grams, at most 3 decimals',
          },
        },
      },
    };
  }
  return { ...schema, description: rules[type], properties };
}

/** The rule every `lineId` a write names follows (outcomes, corrections, CSV rows, taskings). */
export const LINE_ID_RULE =
  'The id of a county line in the register (`GET /api/v1/lines`) that the caller may read; 400 `validation_failed` naming `lineId` otherwise. A line outside your scope is answered as one that does not exist.';

/**
 * An outcome as stored: every figure filled with its default, DDTRO flags as counts. Outcomes
 * accepted before line references were checked keep the free-text `lineId` they were sent with.
 */
function storedOutcome(type: OutcomeType): Schema {
  const body = component(OUTCOME_BODY_SCHEMAS[type]) as Schema;
  const properties: Schema = {
    ...body.properties,
    lineId: {
      ...str,
      description:
        'A register line id; free text on outcomes accepted before line references were checked',
    },
  };
  if (type === 'line') properties.ddtroApplied = properties.ddtroGranted = int;
  if (type === 'seizure') {
    properties.drugs = array(
      object({
        drug: enumOf(DRUGS),
        grams: { type: 'number', minimum: 0 },
        plants: int,
        valuePence: int,
      }),
    );
    properties.weapons = object({ firearm: int, bladed: int, other: int });
  }
  return object(properties, { optional: ['lineId', 'taskingId', 'note'], closed: true });
}

const actorRef = object({ sub: str, role: str }, {});

export const OUTCOME_SCHEMAS: Record<string, object> = {
  ...Object.fromEntries(OUTCOME_TYPES.map((t) => [NAMES[t], documentedBody(t)])),
  OutcomeBody: {
    oneOf: OUTCOME_TYPES.map((t) => ref(NAMES[t])),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(
        OUTCOME_TYPES.map((t) => [t, `#/components/schemas/${NAMES[t]}`]),
      ),
    },
  },
  Outcome: {
    description: 'An outcome as stored: every optional figure filled with its default',
    oneOf: OUTCOME_TYPES.map((t) => storedOutcome(t)),
  },
  OutcomeAccepted: object({ id: uuid, status: { const: 'accepted' } }),
  OutcomeChangeAccepted: object({
    id: uuid,
    version: { type: 'integer', minimum: 1 },
    status: { const: 'accepted' },
  }),
  OutcomeItem: object(
    {
      id: uuid,
      operationId: uuid,
      type: enumOf(OUTCOME_TYPES),
      force: forceCode,
      version: { type: 'integer', minimum: 1 },
      status: enumOf(['live', 'retracted']),
      current: ref('Outcome'),
      createdAt: dateTime,
      updatedAt: dateTime,
      retraction: object({ reason: str, at: dateTime, by: actorRef }),
      versions: array(
        object({
          version: { type: 'integer', minimum: 1 },
          body: ref('Outcome'),
          recordedAt: dateTime,
          recordedBy: actorRef,
        }),
      ),
    },
    { optional: ['retraction'], description: 'Only a retracted outcome has `retraction`.' },
  ),
  ImportResult: object({
    accepted: int,
    duplicates: int,
    rejected: array(
      object({
        row: {
          type: 'integer',
          minimum: 1,
          description: '1-based data row (the first row after the header is 1)',
        },
        line: {
          type: 'integer',
          minimum: 1,
          description: 'line of the file the row starts on (the header is line 1)',
        },
        errors: array(ref('FieldError')),
      }),
    ),
  }),
};

const { get, post } = routesOf('outcomes');
const noOperation = notFound('operation');
const noOutcome = notFound('outcome');
const closed = problem('`operation_closed`: the week is final', ['operation_closed']);
const outcomeBody = (schema: object) => ({ schema, documentedAs: 'OutcomeBody' });

const CSV = csvImport(CSV_LIMITS, { required: CSV_REQUIRED_COLUMNS, all: CSV_COLUMNS });
const IMPORT_DESCRIPTION = [
  ...CSV.rules,
  'Scalar fields keep their JSON names; drugs and weapons are flattened: `<drug>_grams`, `<drug>_plants`, `<drug>_value_pence` for crack, heroin, cocaine, cannabis and other; `weapons_firearm`, `weapons_bladed`, `weapons_other`.',
  'Numbers are plain decimal numerals; `ddtroApplied` and `ddtroGranted` also take `true`/`false`, as the JSON body does.',
  'Blank cells are absent fields. Each row carries its own `idempotencyKey`, so uploading the same file again changes nothing (its rows count as duplicates).',
  'Good rows are accepted even when others are rejected; each rejected row is listed with its row number and every bad column. Rows for forces outside your scope are rejected one by one.',
  '`lineId` is a register line id you may read; a row naming a missing line or one outside your scope is rejected alone, naming `lineId`.',
].join(' ');

/** The body schema of `POST .../outcomes`: one of the four types, chosen by `type`. */
export const OUTCOME_BODY = { oneOf: OUTCOME_TYPES.map((t) => OUTCOME_BODY_SCHEMAS[t]) };

export const OUTCOME_ROUTES: ApiRoute[] = [
  post(
    '/api/v1/operations/{id}/outcomes',
    'Report an outcome (nclcc; regional within its region; force for itself)',
    {
      description: `Accepted means committed and never lost. Notes hold at most ${LIMITS.noteLength} characters. Line actions: ${LINE_ACTIONS.join(', ')}; \`closed-type1\` and \`closed-type2\` naming a register line close it in the register, once. ${LINE_ID_RULE}`,
      ...idempotentWrite({
        body: outcomeBody(OUTCOME_BODY),
        first: [202, ok(ref('OutcomeAccepted'), 'Accepted (first time)')],
        replay: 'Replay of an accepted request',
        missing: noOperation,
        conflict: conflicts('idempotency_conflict', 'operation_closed'),
      }),
    },
  ),
  get(
    '/api/v1/operations/{id}/outcomes',
    'Outcomes in your scope, newest first, each with its version history',
    onId(ok(page(ref('OutcomeItem'))), noOperation, {
      params: [
        query('force', forceCode),
        query('type', enumOf(OUTCOME_TYPES)),
        query('status', enumOf(['live', 'retracted'])),
        ...pageParams,
      ],
    }),
  ),
  post(
    '/api/v1/operations/{id}/outcomes/import',
    'Import a CSV return, one outcome per row',
    onId(ok(ref('ImportResult')), noOperation, {
      description: IMPORT_DESCRIPTION,
      body: CSV.body,
      responses: { 409: closed, 413: CSV.tooLarge, 415: CSV.notCsv },
    }),
  ),
  post(
    '/api/v1/outcomes/{outcomeId}/corrections',
    'Correct an outcome with a complete replacement body of the same type; tallies count the latest version only',
    idempotentWrite({
      id: 'outcomeId',
      body: outcomeBody(OUTCOME_BODY),
      first: [202, ok(ref('OutcomeChangeAccepted'), 'Accepted')],
      replay: 'Replay',
      missing: noOutcome,
      conflict: conflicts('idempotency_conflict', 'operation_closed', 'outcome_retracted'),
    }),
  ),
  post(
    '/api/v1/outcomes/{outcomeId}/retraction',
    'Retract an outcome; tallies drop it. Retracting it again answers 200 and changes nothing.',
    {
      params: [pathId('outcomeId')],
      body: { schema: REASON_SCHEMA, name: 'Reason' },
      responses: {
        202: ok(ref('OutcomeChangeAccepted'), 'Accepted'),
        200: ok(ref('OutcomeChangeAccepted'), 'Already retracted'),
        404: noOutcome,
        409: closed,
      },
    },
  ),
];

import { DECONFLICTION_ACTION_SCHEMAS, DeconflictionAction } from '../../deconfliction';
import { idempotencyKey, notFound, ok, pathId } from '../answers';
import { ApiRoute } from '../route';
import { conflicts, routesOf } from '../route-builders';
import { ref } from '../schema-builders';

const SUMMARIES: Record<DeconflictionAction, string> = {
  acknowledge: 'Acknowledge a deconfliction alert: `open → acknowledged`',
  resolve:
    'Resolve an acknowledged alert with a note of how the forces settled it: `acknowledged → resolved`',
  'hand-to-region':
    'Hand an open or acknowledged alert to a region (nclcc): its coordinator may then acknowledge and resolve it',
};

const NAMES: Record<DeconflictionAction, string> = {
  acknowledge: 'DeconflictionAcknowledge',
  resolve: 'DeconflictionResolve',
  'hand-to-region': 'DeconflictionHandToRegion',
};

const { post } = routesOf('lines');

const step = (name: DeconflictionAction): ApiRoute =>
  post(`/api/v1/deconfliction/alerts/{id}/${name}`, SUMMARIES[name], {
    description:
      'The NCLCC for any alert; a regional coordinator for alerts handed to its region (not hand-to-region). The same `Idempotency-Key` and body again answers 200 with the first answer. A note holding a name, date of birth, address, e-mail or phone number is refused (400 naming `note`); the note stays in the register, never on `deconfliction.resolved`.',
    params: [pathId(), idempotencyKey],
    body: { schema: DECONFLICTION_ACTION_SCHEMAS[name], name: NAMES[name] },
    responses: {
      200: ok(ref('DeconflictionAlert'), 'The alert after the step (or a replay of it)'),
      404: notFound('deconfliction alert'),
      409: conflicts('illegal_transition', 'idempotency_conflict'),
    },
  });

export const DECONFLICTION_ROUTES: ApiRoute[] = [
  step('acknowledge'),
  step('resolve'),
  step('hand-to-region'),
];

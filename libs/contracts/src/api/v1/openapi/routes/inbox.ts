import {
  INBOX_QUERY_SCHEMA,
  INBOX_READ_IDS_MAX,
  INBOX_READ_SCHEMA,
  NOTIFICATION_KINDS,
} from '../../inbox';
import { eventStream, ok, problem, query } from '../answers';
import { ApiRoute } from '../route';
import { routesOf } from '../route-builders';
import { array, enumOf, forceCode, nullable, object, ref, regionCode } from '../schema-builders';
import { bool, dateTime, int, str, uuid } from '../schema-scalars';

export const INBOX_SCHEMAS: Record<string, object> = {
  InboxItem: object(
    {
      id: { ...uuid, description: 'Derived from the event it tells of: the same after a rebuild' },
      kind: enumOf(NOTIFICATION_KINDS),
      at: dateTime,
      title: { ...str, description: 'Built from codes and reference data; never names a person' },
      href: { ...str, description: 'The page where it is seen and acted on' },
      operationId: uuid,
      taskingId: uuid,
      handoffId: uuid,
      lineId: uuid,
      alertId: uuid,
      ddtroId: uuid,
      force: forceCode,
      region: regionCode,
      read: { ...bool, description: 'Read by you (each user marks their own)' },
    },
    {
      optional: [
        'operationId',
        'taskingId',
        'handoffId',
        'lineId',
        'alertId',
        'ddtroId',
        'force',
        'region',
      ],
      closed: true,
    },
  ),
  InboxPage: object({
    items: array(ref('InboxItem')),
    nextCursor: nullable(str),
    unread: { ...int, description: 'Unread in your whole inbox' },
  }),
  InboxUnread: object({ unread: int }, { closed: true }),
};

const { get, post } = routesOf('inbox');
const { properties } = INBOX_QUERY_SCHEMA;

const ADDRESSING =
  'Notifications are addressed to roles and scopes, not people: a tasking to its force’s users and its region’s coordinator (an overdue P1 and an escalation also to the NCLCC, an escalation also to the commanders of that region and national ones); a hand-off to its home force and region (an overdue one to the home region and the NCLCC); a replacement number or a DDTRO its provider left overdue to the NCLCC; a deconfliction alert to the regions it names and the NCLCC; a week opening, closing or reopening to commanders. Each user reads those addressed to their role and scope, and marks them read for themselves alone.';

export const INBOX_ROUTES: ApiRoute[] = [
  get('/api/v1/inbox', 'Your notifications, newest first, each read or not by you', {
    description: `${ADDRESSING} \`unread=true\` lists only the unread ones (\`false\` or left out: all). \`unread\` counts the unread ones in the whole inbox.`,
    anyRole: true,
    params: [
      query('unread', properties.unread),
      query('cursor', properties.cursor),
      query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 50 }),
    ],
    responses: { 200: ok(ref('InboxPage')) },
  }),
  get('/api/v1/inbox/unread-count', 'How many of your notifications you have not read', {
    anyRole: true,
    responses: { 200: ok(ref('InboxUnread')) },
  }),
  post('/api/v1/inbox/read', 'Mark notifications read, some by id or all of them', {
    description: `\`{ids: [...]}\` (at most ${INBOX_READ_IDS_MAX}) or \`{all: true}\`. All or nothing: an id that is not in your inbox is refused (403) and nothing is marked. Marking twice changes nothing, so no Idempotency-Key is needed. Answers what is left unread.`,
    anyRole: true,
    body: { schema: INBOX_READ_SCHEMA, name: 'InboxRead' },
    responses: {
      200: ok(ref('InboxUnread')),
      403: problem('`forbidden_scope`: an id is not in your inbox', ['forbidden_scope']),
    },
  }),
  get(
    '/api/v1/inbox/stream',
    'Server-Sent Events: `inbox` with your unread count and newest notifications, on connect and after every change',
    {
      description:
        'Each `inbox` event is `{unread, latest: [InboxItem]}` (the five newest), sent on connect and again whenever a notification reaches your inbox or your read marks change (on any gateway), coalesced. A comment line every 15 s keeps proxies from closing an idle stream. Browsers may pass the token as `?access_token=` since EventSource cannot set headers.',
      anyRole: true,
      responses: { 200: eventStream('Events `inbox`: `{unread, latest: [InboxItem]}`') },
    },
  ),
];

import {
  DDTRO_PROVIDER_OVERDUE,
  DDTRO_REPLACEMENT_NUMBER,
  DdtroEventV1,
  DdtroReplacementNumberV1,
  DECONFLICTION_HANDED,
  DECONFLICTION_RAISED,
  DeconflictionRaisedV1,
  DeconflictionStepV1,
  EventEnvelope,
  HANDOFF_OVERDUE,
  HANDOFF_RAISED,
  HANDOFF_REDIRECTED,
  HandoffEventV1,
  HandoffOverdueV1,
  Notification,
  NotificationKind,
  OPERATION_CLOSED,
  OPERATION_CREATED,
  OPERATION_REOPENED,
  OperationCreatedV1,
  TASKING_ESCALATED,
  TASKING_ISSUED,
  TASKING_OVERDUE,
  TASKING_REASSIGNED,
  TASKING_REMINDER_DUE,
  TaskingEventV1,
} from '@intensify/contracts';
import { AUDIENCE, escalationCommanders, forceAudiences } from '@intensify/auth';
import { findForce, regionOfForce, REGIONS } from '@intensify/reference-data';
import { notificationId } from './notification-id';

/** A notification with the audiences it is addressed to. */
export interface AddressedNotification extends Notification {
  audiences: string[];
}

type Derive = (event: EventEnvelope) => AddressedNotification | null;

const forceName = (code: string) => findForce(code)?.name ?? code;
const regionName = (code: string) => REGIONS.find((r) => r.code === code)?.name ?? code;
const unique = (xs: string[]) => [...new Set(xs)];

/** The force a notification is at, and its region unless it has none (BTP). */
function placeOf(force: string): { force: string; region?: string } {
  const region = regionOfForce(force);
  return region ? { force, region } : { force };
}

function notification(
  kind: NotificationKind,
  key: string,
  event: EventEnvelope,
  fields: Omit<AddressedNotification, 'id' | 'kind' | 'at'>,
): AddressedNotification {
  return {
    id: notificationId(`${kind}:${key}`),
    kind,
    at: event.occurredAt,
    ...fields,
    audiences: unique(fields.audiences),
  };
}

function tasking(
  kind: NotificationKind,
  title: (t: TaskingEventV1) => string,
  extra: (t: TaskingEventV1) => string[] = () => [],
): Derive {
  return (event) => {
    const t = event.payload as TaskingEventV1;
    return notification(kind, `${t.taskingId}:${t.seq}`, event, {
      title: title(t),
      href: `/taskings?${new URLSearchParams({ operation: t.operationId, tasking: t.taskingId })}`,
      operationId: t.operationId,
      taskingId: t.taskingId,
      ...placeOf(t.force),
      audiences: [...forceAudiences(t.force), ...extra(t)],
    });
  };
}

const AGE = { child: 'a child', adult: 'a vulnerable adult' } as const;

function handoff(
  kind: NotificationKind,
  title: (h: HandoffEventV1) => string,
  audiences: (h: HandoffEventV1) => string[],
): Derive {
  return (event) => {
    const h = event.payload as HandoffEventV1;
    return notification(kind, `${h.handoffId}:${h.seq}`, event, {
      title: title(h),
      href: `/safeguarding?${new URLSearchParams({ handoff: h.handoffId })}`,
      ...(h.operationId && { operationId: h.operationId }),
      handoffId: h.handoffId,
      ...placeOf(h.homeForce),
      audiences: audiences(h),
    });
  };
}

function week(kind: NotificationKind, title: (event: EventEnvelope) => string): Derive {
  return (event) => {
    const { operationId } = event.payload as { operationId: string };
    return notification(kind, event.id, event, {
      title: title(event),
      href: `/board/${operationId}`,
      operationId,
      audiences: [AUDIENCE.allCommanders],
    });
  };
}

/** Where a deconfliction alert is acted on: its desk, with the alert picked out. */
const alertHref = (alertId: string) => `/deconfliction?${new URLSearchParams({ alert: alertId })}`;

const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

/**
 * Who is told of what: each event that needs someone, by type (every version), and the
 * audiences it concerns. A tasking goes to its force and the force's region; an escalation
 * and an overdue P1 also to the NCLCC, and an escalation to the commanders of that region
 * and national ones. A hand-off goes to its home force and region; an overdue one to those it
 * was escalated to (the home region and the NCLCC). Register alerts go to the NCLCC, and
 * deconfliction alerts to the regions they name as well; an alert handed to a region goes to
 * that region's coordinator. Commanders hear of weeks opening and closing.
 */
const RULES: Record<string, Derive> = {
  [TASKING_ISSUED.type]: tasking(
    'tasking.issued',
    (t) => `New ${t.priority} tasking for ${forceName(t.force)}`,
  ),
  [TASKING_REASSIGNED.type]: tasking(
    'tasking.reassigned',
    (t) => `${t.priority} tasking reassigned to ${forceName(t.force)}`,
  ),
  [TASKING_REMINDER_DUE.type]: tasking(
    'tasking.reminder-due',
    (t) => `${t.priority} tasking for ${forceName(t.force)} awaits acknowledgement`,
  ),
  [TASKING_OVERDUE.type]: tasking(
    'tasking.overdue',
    (t) => `${t.priority} tasking for ${forceName(t.force)} is overdue`,
    (t) => (t.priority === 'P1' ? [AUDIENCE.nclcc] : []),
  ),
  [TASKING_ESCALATED.type]: tasking(
    'tasking.escalated',
    (t) => `${t.priority} tasking for ${forceName(t.force)} escalated to the NCLCC`,
    (t) => [AUDIENCE.nclcc, ...escalationCommanders(t.force)],
  ),
  [HANDOFF_RAISED.type]: handoff(
    'handoff.raised',
    (h) =>
      `Hand-off of ${AGE[h.ageGroup]} found by ${forceName(h.foundForce)} for ${forceName(h.homeForce)}`,
    (h) => forceAudiences(h.homeForce),
  ),
  [HANDOFF_REDIRECTED.type]: handoff(
    'handoff.redirected',
    (h) => `Hand-off of ${AGE[h.ageGroup]} redirected to ${forceName(h.homeForce)}`,
    (h) => forceAudiences(h.homeForce),
  ),
  [HANDOFF_OVERDUE.type]: handoff(
    'handoff.overdue',
    (h) => `Hand-off of ${AGE[h.ageGroup]} to ${forceName(h.homeForce)} is overdue`,
    (h) =>
      (h as HandoffOverdueV1).escalatedTo.map((to) =>
        to === 'nclcc' ? AUDIENCE.nclcc : AUDIENCE.region(to),
      ),
  ),
  [DDTRO_REPLACEMENT_NUMBER.type]: (event) => {
    const d = event.payload as DdtroReplacementNumberV1;
    return notification('ddtro.replacement-number', d.alertId, event, {
      title: 'Replacement number detected on a line under DDTRO',
      href: `/lines?${new URLSearchParams({ line: d.lineId })}`,
      lineId: d.lineId,
      alertId: d.alertId,
      ...(d.ddtroIds.length === 1 && { ddtroId: d.ddtroIds[0] }),
      audiences: [AUDIENCE.nclcc],
    });
  },
  [DDTRO_PROVIDER_OVERDUE.type]: (event) => {
    const d = event.payload as DdtroEventV1;
    return notification('ddtro.provider-overdue', `${d.ddtroId}:${d.seq}`, event, {
      title: 'DDTRO not actioned by the provider in time',
      href: `/lines?${new URLSearchParams({ line: d.lineId })}`,
      lineId: d.lineId,
      ddtroId: d.ddtroId,
      audiences: [AUDIENCE.nclcc],
    });
  },
  [DECONFLICTION_RAISED.type]: (event) => {
    const a = event.payload as DeconflictionRaisedV1;
    const what = a.kind === 'number' ? 'number' : 'holder';
    const where = a.regions.length ? ` (${a.regions.map(regionName).join(', ')})` : '';
    return notification('deconfliction.raised', `${a.alertId}:${a.seq}`, event, {
      title: `Deconfliction: the same ${what} on ${a.lineIds.length} lines${where}`,
      href: alertHref(a.alertId),
      alertId: a.alertId,
      ...(a.lineIds.length === 1 && { lineId: a.lineIds[0] }),
      ...(a.regions.length === 1 && { region: a.regions[0] }),
      audiences: [AUDIENCE.nclcc, ...a.regions.map(AUDIENCE.region)],
    });
  },
  [DECONFLICTION_HANDED.type]: (event) => {
    const a = event.payload as DeconflictionStepV1;
    // A hand always names its region; without one there is nobody to tell.
    if (!a.region) return null;
    return notification('deconfliction.handed', `${a.alertId}:${a.seq}`, event, {
      title: `Deconfliction alert handed to ${regionName(a.region)} to act on`,
      href: alertHref(a.alertId),
      alertId: a.alertId,
      region: a.region,
      audiences: [AUDIENCE.region(a.region)],
    });
  },
  [OPERATION_CREATED.type]: week(
    'week.opened',
    (e) =>
      `Intensification week starting ${dateOf((e.payload as OperationCreatedV1).startsAt)} opened`,
  ),
  [OPERATION_CLOSED.type]: week('week.closed', () => 'Intensification week closed: figures final'),
  [OPERATION_REOPENED.type]: week(
    'week.reopened',
    () => 'Intensification week reopened for late corrections',
  ),
};

/** The notification an event gives, with its audiences, or null when it needs nobody. */
export function notificationOf(event: EventEnvelope): AddressedNotification | null {
  const derive = RULES[event.type];
  return derive ? derive(event) : null;
}

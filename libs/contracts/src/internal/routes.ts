import { Baseline, BaselineFigures, BaselineList } from '../api/v1/baseline';
import {
  Ddtro,
  DdtroDecisionInput,
  DdtroStats,
  ApplyDdtrosRequest,
  ReplacementApplications,
  ReplacementApplicationsRequest,
} from '../api/v1/ddtro';
import { DeconflictionActionInput } from '../api/v1/deconfliction';
import { FocusMap } from '../api/v1/focus-map';
import { FocusLineResults, FocusNetwork } from '../api/v1/focus-line-results';
import { GamingCheckAnswer } from '../api/v1/gaming-check';
import { InboxPage, InboxQuery, InboxReadRequest, InboxUnread } from '../api/v1/inbox';
import {
  Handoff,
  HandoffAction,
  HandoffActionInput,
  HandoffListQuery,
  RaiseHandoffRequest,
} from '../api/v1/handoff';
import {
  AlertsQuery,
  DdtroListQuery,
  DeconflictionAlert,
  FocusLines,
  HoldersQuery,
  LineHolder,
  LineListQuery,
  LineRanking,
  RankingQuery,
  ReplacementAlertItem,
  ReplacementAlertsQuery,
} from '../api/v1/intelligence';
import { FocusForceOverrideRequest } from '../api/v1/focus-override';
import { AddNumberRequest, Line, RegisterLineRequest, UpdateLineRequest } from '../api/v1/line';
import { LineReturnReport } from '../api/v1/line-return';
import { CreateOperation, Operation, UpdateOperation } from '../api/v1/operation';
import { Outcome } from '../api/v1/outcome';
import {
  AuditEntry,
  ImportResult,
  OutcomeChangeAccepted,
  OutcomeItem,
  Page,
} from '../api/v1/reporting';
import { Tasking, TaskingListQuery, TransitionInput } from '../api/v1/tasking';
import { TimelineHour } from '../api/v1/timeline';
import { ComparedWeek } from '../api/v1/week-comparison';
import { BoardFigures, LineLookup, LineLookupRequest, OutcomeAccepted } from './internal-api';
import {
  AuditListQuery,
  BaselineListQuery,
  ComparisonQuery,
  ImportBaselinesRequest,
  ImportOutcomesRequest,
  IssueTaskingsBody,
  OutcomeBatch,
  OutcomeBatchResults,
  OutcomeListQuery,
  ReasonBody,
  TimelineQuery,
} from './internal-requests';
import { internalController, InternalService } from './route';

const health = (service: InternalService) =>
  internalController(service, 'internal/health', (r) => ({ read: r.get().typed() }));

/** reporting and tasking keep an audit log each; the gateway merges them. */
const audit = (service: InternalService) =>
  internalController(service, 'internal/audit', (r) => ({
    list: r.get().typed<{ query: AuditListQuery; answer: Page<AuditEntry> }>(),
  }));

/**
 * Every internal endpoint, by owner and controller. The owners' controllers take their paths
 * from here and the gateway calls them through here, so the two cannot drift apart.
 */
export const INTERNAL = {
  reporting: {
    operations: internalController('reporting', 'internal/operations', (r) => ({
      create: r.post().typed<{ body: CreateOperation; answer: Operation }>(),
      list: r.get().typed<{ answer: Operation[] }>(),
      get: r.get(':id').typed<{ answer: Operation }>(),
      update: r.patch(':id').typed<{ body: UpdateOperation; answer: Operation }>(),
      close: r.post(':id/close').typed<{ answer: Operation }>(),
      reopen: r.post(':id/reopen').typed<{ body: ReasonBody; answer: Operation }>(),
    })),
    outcomes: internalController('reporting', 'internal', (r) => ({
      record: r
        .post('operations/:operationId/outcomes')
        .typed<{ body: Outcome; answer: OutcomeAccepted }>(),
      import: r
        .post('operations/:operationId/outcomes/import')
        .typed<{ body: ImportOutcomesRequest; answer: ImportResult }>(),
      recordBatch: r
        .post('outcome-batches')
        .typed<{ body: OutcomeBatch; answer: OutcomeBatchResults }>(),
      list: r
        .get('operations/:operationId/outcomes')
        .typed<{ query: OutcomeListQuery; answer: Page<OutcomeItem> }>(),
      correct: r
        .post('outcomes/:outcomeId/corrections')
        .typed<{ body: Outcome; answer: OutcomeChangeAccepted }>(),
      retract: r
        .post('outcomes/:outcomeId/retraction')
        .typed<{ body: ReasonBody; answer: OutcomeChangeAccepted }>(),
    })),
    baselines: internalController('reporting', 'internal', (r) => ({
      report: r
        .put('forces/:force/baselines/:isoWeek')
        .typed<{ body: BaselineFigures; answer: Baseline }>(),
      list: r
        .get('forces/:force/baselines')
        .typed<{ query: BaselineListQuery; answer: BaselineList }>(),
      import: r
        .post('baselines/import')
        .typed<{ body: ImportBaselinesRequest; answer: ImportResult }>(),
    })),
    audit: audit('reporting'),
    health: health('reporting'),
  },

  tasking: {
    taskings: internalController('tasking', 'internal', (r) => ({
      issue: r
        .post('operations/:operationId/taskings')
        .typed<{ body: IssueTaskingsBody; answer: Tasking | { taskings: Tasking[] } }>(),
      transition: r
        .post('taskings/:id/:transition')
        .typed<{ body: TransitionInput; answer: Tasking }>(),
      list: r.get('taskings').typed<{ query: TaskingListQuery; answer: Page<Tasking> }>(),
      get: r.get('taskings/:id').typed<{ answer: Tasking }>(),
    })),
    audit: audit('tasking'),
    health: health('tasking'),
  },

  intelligence: {
    lines: internalController('intelligence', 'internal/lines', (r) => ({
      register: r.post().typed<{ body: RegisterLineRequest; answer: Line }>(),
      list: r.get().typed<{ query: LineListQuery; answer: Page<Line> }>(),
      get: r.get(':id').typed<{ answer: Line }>(),
      update: r.patch(':id').typed<{ body: UpdateLineRequest; answer: Line }>(),
      addNumber: r.post(':id/numbers').typed<{ body: AddNumberRequest; answer: Line }>(),
      lookup: r.post('lookup').typed<{ body: LineLookupRequest; answer: LineLookup }>(),
    })),
    ranking: internalController('intelligence', 'internal', (r) => ({
      rank: r.get('lines-ranking').typed<{ query: RankingQuery; answer: LineRanking }>(),
      setFocusLines: r
        .put('operations/:operationId/focus-lines')
        .typed<{ body: { lineIds: string[] }; answer: FocusLines }>(),
      getFocusLines: r.get('operations/:operationId/focus-lines').typed<{ answer: FocusLines }>(),
      overrideFocusForce: r
        .put('operations/:operationId/focus-forces/:force')
        .typed<{ body: FocusForceOverrideRequest; answer: FocusLines }>(),
      focusNetwork: r
        .get('operations/:operationId/focus-network')
        .typed<{ answer: FocusNetwork }>(),
    })),
    ddtros: internalController('intelligence', 'internal', (r) => ({
      apply: r
        .post('lines/:lineId/ddtros')
        .typed<{ body: ApplyDdtrosRequest; answer: { batchId: string; ddtros: Ddtro[] } }>(),
      stats: r.get('ddtros/stats').typed<{ answer: DdtroStats }>(),
      replacementAlerts: r
        .get('ddtros/replacement-alerts')
        .typed<{ query: ReplacementAlertsQuery; answer: { items: ReplacementAlertItem[] } }>(),
      applyReplacements: r
        .post('ddtros/replacement-applications')
        .typed<{ body: ReplacementApplicationsRequest; answer: ReplacementApplications }>(),
      list: r.get('ddtros').typed<{ query: DdtroListQuery; answer: { items: Ddtro[] } }>(),
      decide: r.post('ddtros/:id/:decision').typed<{ body: DdtroDecisionInput; answer: Ddtro }>(),
    })),
    deconfliction: internalController('intelligence', 'internal', (r) => ({
      alerts: r
        .get('deconfliction/alerts')
        .typed<{ query: AlertsQuery; answer: { items: DeconflictionAlert[] } }>(),
      act: r
        .post('deconfliction/alerts/:id/:action')
        .typed<{ body: DeconflictionActionInput; answer: DeconflictionAlert }>(),
      holders: r
        .get('line-holders')
        .typed<{ query: HoldersQuery; answer: { items: LineHolder[] } }>(),
    })),
    returns: internalController('intelligence', 'internal/forces/:force/returns', (r) => ({
      upload: r.post(':month').typed<{ body: { csv: string }; answer: LineReturnReport }>(),
    })),
    audit: internalController('intelligence', 'internal/intelligence/audit', (r) => ({
      list: r.get().typed<{ query: AuditListQuery; answer: Page<AuditEntry> }>(),
    })),
    health: health('intelligence'),
  },

  safeguarding: {
    handoffs: internalController('safeguarding', 'internal/handoffs', (r) => ({
      raise: r.post().typed<{ body: RaiseHandoffRequest; answer: Handoff }>(),
      act: r
        .post(':id/:action')
        .typed<{ body: HandoffActionInput & { action?: HandoffAction }; answer: Handoff }>(),
      list: r.get().typed<{ query: HandoffListQuery; answer: Page<Handoff> }>(),
      get: r.get(':id').typed<{ answer: Handoff }>(),
    })),
    audit: internalController('safeguarding', 'internal/safeguarding/audit', (r) => ({
      list: r.get().typed<{ query: AuditListQuery; answer: Page<AuditEntry> }>(),
    })),
    health: health('safeguarding'),
  },

  projections: {
    board: internalController('projections', 'internal/boards', (r) => ({
      read: r.get(':operationId').typed<{ answer: BoardFigures }>(),
    })),
    timeline: internalController('projections', 'internal/boards', (r) => ({
      read: r
        .get(':operationId/timeline')
        .typed<{ query: TimelineQuery; answer: TimelineHour[] }>(),
    })),
    focusMap: internalController('projections', 'internal/focus-maps', (r) => ({
      read: r.get(':operationId').typed<{ answer: FocusMap }>(),
    })),
    // A read that takes the holders' network from intelligence, so it is a POST.
    focusResults: internalController('projections', 'internal/focus-results', (r) => ({
      read: r
        .post(':operationId')
        .typed<{ body: { network: FocusNetwork }; answer: FocusLineResults }>(),
    })),
    baselines: internalController('projections', 'internal/baselines', (r) => ({
      gamingCheck: r.get('gaming-check/:isoWeek').typed<{ answer: GamingCheckAnswer }>(),
    })),
    comparison: internalController('projections', 'internal/comparisons', (r) => ({
      read: r.get(':operationId').typed<{
        query: ComparisonQuery;
        answer: { thisWeek: ComparedWeek; earlierWeeks: ComparedWeek[] };
      }>(),
    })),
    // The caller's inbox: the actor is the reader, its role and scope the addressing.
    inbox: internalController('projections', 'internal/inbox', (r) => ({
      list: r.get().typed<{ query: InboxQuery; answer: InboxPage }>(),
      unread: r.get('unread-count').typed<{ answer: InboxUnread }>(),
      markRead: r.post('read').typed<{ body: InboxReadRequest; answer: InboxUnread }>(),
    })),
    rebuild: internalController('projections', 'internal/rebuild', (r) => ({
      start: r.post().typed(),
      status: r.get().typed(),
    })),
    health: health('projections'),
  },
} as const;

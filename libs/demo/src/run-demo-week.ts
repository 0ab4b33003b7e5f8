import { ImportResult, isoWeekOf, isoWeeksTouched } from '@intensify/contracts';
import { DemoClient, Identity } from './demo-client';
import { EarlierWeek, replayEarlierWeek } from './earlier-week';
import { reporterOf } from './identities';
import { HandoffRecord, playHandoff } from './play-handoff';
import { Random } from './random';
import { loadBaselines, planBaselines } from './week-baselines';
import { planWeekHandoffs, tagOf } from './week-handoffs';
import { nameRegisterLines, PlannedDdtroApplication, readWeekLines } from './week-lines';
import { PlannedOutcome, planWeekOutcomes } from './week-outcomes';
import { DECLINE_REASON, PlannedTasking, planWeekTaskings } from './week-taskings';

const WEEK_MS = 7 * 24 * 3_600_000;
const MAX_IN_FLIGHT = 8;

export interface DemoWeekOptions {
  gatewayUrl: string;
  /** Real time the simulated week takes (default ten minutes). */
  durationMs?: number;
  /** Share of a full week's volume (1 ≈ a recent published week). */
  scale?: number;
  seed?: number;
  name?: string;
  focusForces?: string[];
  focusLines?: { id: string; exportingForce: string }[];
  /**
   * Share of county forces' safeguarding results that find someone from another force area
   * (default `HANDOFF_SHARE`); a short test raises more to see every fate.
   */
  handoffShare?: number;
  /** Forces whose taskings are P1. */
  p1Forces?: string[];
  /**
   * Results name only register lines whose brand starts with this (a test run's register is
   * shared with other suites, whose lines the demo must not close).
   */
  registerBrandPrefix?: string;
  /**
   * Picks the week's focus once it exists (e.g. the top of the harm ranking); its focus forces
   * and lines are then tasked instead of `focusForces` and `focusLines`.
   */
  chooseFocus?: (
    client: DemoClient,
    nclcc: Identity,
    operationId: string,
  ) => Promise<{ focusForces: string[]; focusLines: { id: string; exportingForce: string }[] }>;
  /**
   * Loads sixteen weeks of business-as-usual baselines for every force before the week, one or
   * two forces deferring activity in the last four (default true).
   */
  baselines?: boolean;
  /**
   * First replays an earlier, smaller, back-loaded week twenty weeks before (before the
   * baselines) and closes it, so weeks compared has one of the system's own (default true).
   */
  earlierWeek?: boolean;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  operationId: string;
  /** The simulated moment of the week being replayed. */
  simulatedAt: Date;
  fractionDone: number;
  outcomesSent: number;
  outcomesPlanned: number;
  taskings: Record<string, number>;
  /** Hand-offs by the status the demo last left them in. */
  handoffs: Record<string, number>;
  errors: number;
}

export interface DemoWeekResult {
  operationId: string;
  focusForces: string[];
  focusLines: { id: string; exportingForce: string }[];
  /** The baselines loaded before the week, and the forces made to defer activity. */
  baselines?: { weeks: string[]; deferringForces: string[]; import: ImportResult };
  earlierWeek?: EarlierWeek;
  /** Register DDTRO applications made with results flagging the same orders. */
  ddtroApplications: PlannedDdtroApplication[];
  /** Every outcome body the platform accepted (202 or 200), in the order sent. */
  accepted: PlannedOutcome['body'][];
  /** Each tasking's last status as the simulation left it. */
  taskingStatuses: Record<string, string>;
  /** Each hand-off as the simulation left it, by id. */
  handoffs: Record<string, HandoffRecord>;
  errors: string[];
}

/**
 * Replays an intensification week against a running platform: the NCLCC creates the week and
 * tasks its focus forces (and focus lines) in one request, forces and regions acknowledge,
 * act, decline or stall, and report outcomes through the week at realistic rates, all
 * compressed into `durationMs`. Some safeguarding results find a child or adult from another
 * force area: the found force raises a hand-off and the home force's safeguarding lead
 * acknowledges (mostly in time), redirects or closes it. Outcome times are the simulated moments of the week, which
 * ends when the replay starts, so every report is in the past as the API requires.
 */
export async function runDemoWeek(options: DemoWeekOptions): Promise<DemoWeekResult> {
  const durationMs = options.durationMs ?? 600_000;
  const random = new Random(options.seed ?? 2026);
  const client = new DemoClient(options.gatewayUrl);
  const nclcc: Identity = { sub: 'demo-nclcc-coordinator', role: 'nclcc' };
  const setUpAt = Date.now();
  const weekStart = setUpAt - WEEK_MS - 60_000;
  let focusForces = options.focusForces ?? ['E23000001', 'E23000014', 'E23000004', 'E23000005'];
  let focusLines = options.focusLines ?? [];
  // Lines and baselines draw from their own sequences, so a seed's week stays the week it was.
  const seed = options.seed ?? 2026;
  const baselines =
    options.baselines === false
      ? undefined
      : planBaselines(
          new Random(seed ^ 0xba5e),
          isoWeekOf(new Date(weekStart)),
          await intensificationWeeksBefore(client, nclcc, weekStart),
        );
  const baselineImport = baselines && (await loadBaselines(client, nclcc, baselines));
  const earlierWeek =
    options.earlierWeek === false
      ? undefined
      : await replayEarlierWeek(client, nclcc, {
          random: new Random(seed ^ 0xea51),
          scale: options.scale ?? 1,
          startsAt: weekStart - 20 * WEEK_MS,
          name: `Earlier demo intensification week ${new Date(weekStart - 20 * WEEK_MS).toISOString().slice(0, 10)}`,
        });

  const operation = await client.as<{ id: string; name: string }>(
    nclcc,
    'POST',
    '/api/v1/operations',
    {
      body: {
        name:
          options.name ??
          `Demo intensification week ${new Date(setUpAt).toISOString().slice(0, 10)}`,
        startsAt: new Date(weekStart).toISOString(),
        endsAt: new Date(setUpAt + durationMs + 3_600_000).toISOString(),
        // Chosen focus lines set the focus forces once the week exists.
        focusForces: options.chooseFocus ? [] : focusForces,
      },
    },
  );
  if (options.chooseFocus)
    ({ focusForces, focusLines } = await options.chooseFocus(client, nclcc, operation.id));
  const outcomes = planWeekOutcomes(random, options.scale ?? 1);
  const ddtroApplications = nameRegisterLines(
    new Random(seed ^ 0x11e5),
    outcomes,
    await readWeekLines(
      client,
      nclcc,
      focusLines.map((l) => l.id),
      options.registerBrandPrefix,
    ),
    focusForces,
  );
  // Hand-offs before taskings, so how many lines the focus has does not change them.
  const plannedHandoffs = planWeekHandoffs(
    random,
    outcomes,
    tagOf(operation.id),
    options.handoffShare,
  );
  const plannedTaskings = planWeekTaskings(
    random,
    focusForces,
    focusLines,
    options.p1Forces ?? focusForces.slice(0, 2),
  );
  const result: DemoWeekResult = {
    operationId: operation.id,
    focusForces,
    focusLines,
    ...(baselines && {
      baselines: {
        weeks: baselines.weeks,
        deferringForces: baselines.deferringForces,
        import: baselineImport!,
      },
    }),
    ...(earlierWeek && { earlierWeek }),
    ddtroApplications: [],
    accepted: [],
    taskingStatuses: {},
    handoffs: {},
    errors: [],
  };
  const outcomeIds = new Map(plannedHandoffs.map((h) => [h.outcomeIndex, deferred<string>()]));
  const outcomeIdsByForce = new Map<string, string[]>();
  // The replay's clock starts once the week is set up (baselines, an earlier week, the register
  // read can take a while), so no tasking is due before it is issued.
  const started = Date.now();
  const realAt = (at: number) => started + at * durationMs;

  const issued = await client.as<unknown>(
    nclcc,
    'POST',
    `/api/v1/operations/${operation.id}/taskings`,
    {
      idempotencyKey: `demo-${operation.id}-taskings`,
      body: {
        taskings: plannedTaskings.map((t) => ({
          force: t.force,
          ...(t.lineId && { lineId: t.lineId }),
          action: t.lineId
            ? `Target the line holder and deal numbers of line ${t.lineId}`
            : 'Act against the focus lines importing into and exporting from your force area',
          priority: t.priority,
          dueAt: new Date(realAt(t.due)).toISOString(),
        })),
      },
    },
  );
  const taskingIds = taskingIdsOf(issued);
  for (const id of taskingIds) result.taskingStatuses[id] = 'issued';

  const steps: Step[] = [
    ...outcomes.map((o, i) => ({
      at: o.at,
      run: async () => {
        const force = o.body.force;
        const occurredAt = new Date(weekStart + o.at * WEEK_MS).toISOString();
        const application = ddtroApplications.get(i);
        // Applied on the register before the result that closes the line reports the same orders.
        if (application) await applyDdtros(reporterOf(force), application, occurredAt, i);
        const { id } = await client.as<{ id: string }>(
          reporterOf(force),
          'POST',
          `/api/v1/operations/${operation.id}/outcomes`,
          { body: { ...o.body, occurredAt }, idempotencyKey: `demo-${operation.id}-outcome-${i}` },
        );
        result.accepted.push(o.body);
        outcomeIdsByForce.set(force, [...(outcomeIdsByForce.get(force) ?? []), id]);
        outcomeIds.get(i)?.resolve(id);
      },
      failed: (e: Error) => outcomeIds.get(i)?.reject(e),
    })),
    ...plannedTaskings.flatMap((t, i) => taskingSteps(t, taskingIds[i])),
  ].sort((a, b) => a.at - b.at);

  async function applyDdtros(
    who: Identity,
    application: PlannedDdtroApplication,
    at: string,
    i: number,
  ) {
    const { ddtros } = await client.as<{ ddtros: { id: string }[] }>(
      who,
      'POST',
      `/api/v1/lines/${application.lineId}/ddtros`,
      {
        body: { numbers: application.numbers, appliedAt: at },
        idempotencyKey: `demo-${operation.id}-ddtros-${i}`,
      },
    );
    for (const order of ddtros.slice(0, application.granted))
      await client.as(who, 'POST', `/api/v1/ddtros/${order.id}/grant`, { body: { at } });
    result.ddtroApplications.push(application);
  }

  function taskingSteps(t: PlannedTasking, id: string): Step[] {
    const who = reporterOf(t.force);
    const move = (at: number, name: string, status: string, body: () => object = () => ({})) => ({
      at,
      run: async () => {
        await client.as(who, 'POST', `/api/v1/taskings/${id}/${name}`, { body: body() });
        result.taskingStatuses[id] = status;
      },
    });
    if (t.fate === 'ignores') return [];
    if (t.fate === 'declines')
      return [move(t.acknowledgeAt, 'decline', 'declined', () => ({ reason: DECLINE_REASON }))];
    const steps = [
      move(t.acknowledgeAt, 'acknowledge', 'acknowledged'),
      move(t.startAt, 'start', 'in-progress'),
    ];
    if (t.fate === 'completes')
      steps.push(
        move(t.completeAt, 'complete', 'completed', () => ({
          outcomeIds: (outcomeIdsByForce.get(t.force) ?? []).slice(-3),
        })),
      );
    return steps;
  }

  // Hand-offs live in real time beside the replayed steps: their deadlines are the platform's.
  let handoffsPlaying = plannedHandoffs.length;
  const handoffRuns = plannedHandoffs.map((h, n) =>
    playHandoff(h, n, {
      client,
      operationId: operation.id,
      outcomeId: (index) => outcomeIds.get(index)!.promise,
      maxWindowMs: durationMs / 2,
      record: (id, record) => (result.handoffs[id] = record),
    })
      .catch((e: Error) => void result.errors.push(`hand-off ${n}: ${e.message}`))
      .finally(() => handoffsPlaying--),
  );

  let next = 0;
  const inFlight = new Set<Promise<void>>();
  const progress = () =>
    options.onProgress?.({
      operationId: operation.id,
      simulatedAt: new Date(weekStart + Math.min(1, (Date.now() - started) / durationMs) * WEEK_MS),
      fractionDone: next / steps.length,
      outcomesSent: result.accepted.length,
      outcomesPlanned: outcomes.length,
      taskings: countBy(Object.values(result.taskingStatuses)),
      handoffs: countBy(Object.values(result.handoffs).map((h) => h.status)),
      errors: result.errors.length,
    });
  while (next < steps.length || inFlight.size > 0 || handoffsPlaying > 0) {
    while (
      next < steps.length &&
      realAt(steps[next].at) <= Date.now() &&
      inFlight.size < MAX_IN_FLIGHT
    ) {
      const step = steps[next++];
      const run = step
        .run()
        .catch((e: Error) => {
          result.errors.push(e.message);
          step.failed?.(e);
        })
        .finally(() => inFlight.delete(run));
      inFlight.add(run);
    }
    progress();
    const wait =
      next < steps.length ? Math.max(5, Math.min(250, realAt(steps[next].at) - Date.now())) : 50;
    await Promise.race([sleep(wait), ...inFlight]);
  }
  await Promise.all(handoffRuns);
  progress();
  return result;
}

interface Step {
  at: number;
  run: () => Promise<void>;
  /** Tells whoever waits on the step's answer that none will come. */
  failed?: (e: Error) => void;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  // A hand-off whose result failed is reported once, as the result's error.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

function taskingIdsOf(answer: unknown): string[] {
  const list = Array.isArray(answer)
    ? answer
    : ((answer as { taskings?: unknown[]; items?: unknown[] }).taskings ??
      (answer as { items?: unknown[] }).items ?? [answer]);
  return (list as { id: string }[]).map((t) => t.id);
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Weeks touched by intensification weeks already planned: no baseline is reported for them. */
async function intensificationWeeksBefore(
  client: DemoClient,
  nclcc: Identity,
  before: number,
): Promise<Set<string>> {
  const operations = await client.as<{ startsAt: string; endsAt: string }[]>(
    nclcc,
    'GET',
    '/api/v1/operations',
  );
  return new Set(
    operations
      .filter((o) => Date.parse(o.startsAt) < before)
      .flatMap((o) => isoWeeksTouched(new Date(o.startsAt), new Date(o.endsAt))),
  );
}

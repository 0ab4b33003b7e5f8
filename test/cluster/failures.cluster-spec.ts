import { Queue } from 'bullmq';
import { PORT_VARIABLES, SERVICES } from '@intensify/testing';
import { DeadlineJob } from '../../apps/tasking/src/deadlines/deadline-jobs';
import { reportStream } from '../support/resilient-client';
import { runEnv } from '../support/run-env';
import { createActiveWeek, hoursAgo, MERSEYSIDE } from '../support/scenario';
import { startService, stopService } from '../support/service-restarts';
import { deadlineQueue } from '../support/taskings';
import {
  activeController,
  boardExact,
  deadlinesFiredOnce,
  healthyAt,
  issueP1,
  longestGapMs,
  outcomeLeader,
  record,
  reportInvalid,
} from './cluster-faults';
import { nodePid, stack } from './stack';

const TOTAL = 150;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Fault {
  /** Breaks something while reports stream in. */
  inject: () => Promise<void>;
  /** Puts it back once the platform has shown it recovers without it. */
  heal: () => Promise<void>;
}

/**
 * Reports stream in (six at a time, retried with the same key on 5xx), invalid ones are sent
 * beside them and two P1 taskings wait for their deadlines, while `fault` strikes after 40
 * answers. Recovery is the time from the fault until health is 200 and the board exact.
 */
async function survives(name: string, fault: Fault): Promise<void> {
  const op = await createActiveWeek(`Cluster ${name} week`);
  const { queue, close } = deadlineQueue();
  try {
    const taskings = await Promise.all([1, 2].map(() => issueP1(op.id)));
    let faultAt = 0;
    let invalid: Promise<{ status: number }[]> = Promise.resolve([]);
    const started = Date.now();
    const { sent, midwayDone } = await reportStream(op.id, TOTAL, 6, MERSEYSIDE, hoursAgo(2), {
      at: 40,
      run: async () => {
        faultAt = Date.now();
        invalid = reportInvalid(op.id, MERSEYSIDE, 5);
        await fault.inject();
      },
    });
    await midwayDone;
    const streamEnd = Date.now();
    const [healthy] = await Promise.all([healthyAt(), boardExact(op.id, sent)]);
    const exactAt = Date.now();
    expect((await invalid).map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(sent.every((s) => s.status === 202 || s.status === 200)).toBe(true);
    expect(new Set(sent.map((s) => s.id)).size).toBe(TOTAL);
    for (const t of taskings) await deadlinesFiredOnce(queue as Queue<DeadlineJob>, t.id);
    record({
      scenario: name,
      accepted: sent.length,
      retried: sent.filter((s) => s.attempts > 1).length,
      longestWriteGapMs: longestGapMs(sent),
      streamMs: streamEnd - started,
      healthyAfterFaultMs: healthy - faultAt,
      recoveryMs: Math.max(healthy, exactAt) - faultAt,
    });
    await fault.heal();
    // Healing changes nothing already counted.
    await healthyAt();
    await boardExact(op.id, sent, 30_000);
  } finally {
    await close();
  }
}

describe('on a three-broker cluster with two instances of every service', () => {
  it('survives SIGKILL of the broker leading the outcome topic', async () => {
    let node = 0;
    await survives('kill -9 outcome leader', {
      inject: async () => {
        node = await outcomeLeader();
        process.kill(nodePid(node), 'SIGKILL');
      },
      heal: async () => void (await stack('start', `kafka-${node}`)),
    });
  });

  it('survives a controlled stop of the active controller', async () => {
    let node = 0;
    await survives('stop active controller', {
      inject: async () => {
        node = await activeController();
        await stack('stop', `kafka-${node}`);
      },
      heal: async () => void (await stack('start', `kafka-${node}`)),
    });
  });

  it('survives SIGKILL of one instance of every service', async () => {
    const ports = runEnv().instancePorts ?? {};
    await survives('kill -9 one instance of each service', {
      inject: async () => {
        await Promise.all(SERVICES.map((s) => stopService(`${s}-2`, 'SIGKILL')));
      },
      heal: async () => {
        for (const s of SERVICES)
          startService(s, `${s}-2`, { [PORT_VARIABLES[s]]: String(ports[`${s}-2`]) });
        await pause(5_000);
      },
    });
  });

  it('survives a broker paused (SIGSTOP) for 15 s, longer than its session and ISR timeouts', async () => {
    await survives('SIGSTOP a broker 15 s', {
      inject: async () => {
        const pid = nodePid(await outcomeLeader());
        process.kill(pid, 'SIGSTOP');
        await pause(15_000);
        process.kill(pid, 'SIGCONT');
      },
      heal: async () => undefined,
    });
  });
});

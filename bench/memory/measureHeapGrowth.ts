import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';
import { SimulatedClock } from 'xstate';
import { createAuth, memoryStorage } from '../../machines/index.js';
import { TEST_POOL } from '../../test/support/fakeTokens.js';
import { RotatingCognito } from '../../test/support/RotatingCognito.js';
import { slope } from '../support/stats.js';
import { retainedObjects } from './retainedObjects.js';

export interface HeapGrowthResult {
  cycles: number;
  warmupCycles: number;
  /** V8's heapUsed after full GCs, every `sampleEvery` cycles after the warm-up. */
  samples: { cycle: number; heapUsedBytes: number }[];
  /** Last sample minus first, and the least-squares slope over all samples. */
  heapUsedGrowthBytes: number;
  heapUsedBytesPerCycle: number;
  /**
   * Live objects of the program (heap snapshots: objects, closures, arrays, strings… but not
   * compiled code, which the JIT adds as it optimises) after the last cycle minus before the first.
   */
  retainedObjectsGrowth: number;
  retainedBytesGrowth: number;
  /** `retainedBytesGrowth` under FLAT_RETAINED_BYTES: nothing is kept per refresh. */
  flat: boolean;
  /** Refreshes made (warm-up included), and the state the actor ended in. */
  refreshes: number;
  finalState: string;
}

const LIFETIME_SECONDS = 60;
const LATENCY_MS = 100;
const STEP_MS = 1_000;
/**
 * Retained growth under which the heap counts as flat over all cycles: under 16 bytes a refresh,
 * where keeping one token set per refresh would cost over 3 KB.
 */
export const FLAT_RETAINED_BYTES = 16 * 1024;

/**
 * One auth actor on XState's SimulatedClock with a fake Cognito (refresh-token rotation, no
 * network), driven through `cycles` refreshes after a warm-up. Needs `node --expose-gc`.
 */
export async function measureHeapGrowth(cycles = 1000, sampleEvery = 100, warmupCycles = 200): Promise<HeapGrowthResult> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  const cognito = new RotatingCognito(clock, LIFETIME_SECONDS, LATENCY_MS);
  const auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: memoryStorage(),
    transport: cognito,
    clock,
    tabs: false,
  });
  const snapshotDir = await mkdtemp(join(tmpdir(), 'authchart-bench-heap-'));
  let refreshes = 0;

  /** Moves simulated time on until the fake Cognito has seen `target` refreshes in all. */
  async function runUntil(target: number) {
    // A cycle is half a token lifetime (the clamped refresh lead) plus latency; allow 4× that.
    const maxSteps = ((target - refreshes) * 4 * LIFETIME_SECONDS * 1000) / STEP_MS + 100;
    for (let step = 0; refreshes < target; step++) {
      if (step > maxSteps) throw new Error(`only ${refreshes} of ${target} refreshes happened`);
      clock.increment(STEP_MS);
      await nextMacrotask();
      await nextMacrotask();
      // The fake keeps a timestamp per refresh: count and drop them, so the fake itself does not grow.
      refreshes += cognito.refreshRequests.length;
      cognito.refreshRequests.length = 0;
      if (cognito.reuses.length > 0) throw new Error('a refresh token was reused');
    }
  }
  async function collect() {
    for (let i = 0; i < 3; i++) {
      gc!();
      await nextMacrotask();
    }
  }
  async function sample(cycle: number) {
    await collect();
    return { cycle, heapUsedBytes: process.memoryUsage().heapUsed };
  }

  try {
    const signingIn = auth.signIn({ username: 'demo', password: 'pw' });
    for (let i = 0; i < 10; i++) {
      clock.increment(LATENCY_MS);
      await nextMacrotask();
    }
    await signingIn;
    await runUntil(warmupCycles);
    const samples = [await sample(0)];
    const before = writeHeapSnapshot(join(snapshotDir, 'before.heapsnapshot'));
    for (let cycle = sampleEvery; cycle <= cycles; cycle += sampleEvery) {
      await runUntil(warmupCycles + cycle);
      samples.push(await sample(cycle));
    }
    await collect();
    const after = writeHeapSnapshot(join(snapshotDir, 'after.heapsnapshot'));
    const finalState = JSON.stringify(auth.actor.getSnapshot().value);
    auth.stop();

    const [retainedBefore, retainedAfter] = [await retainedObjects(before), await retainedObjects(after)];
    const retainedBytesGrowth = retainedAfter.bytes - retainedBefore.bytes;
    return {
      cycles,
      warmupCycles,
      samples,
      heapUsedGrowthBytes: samples.at(-1)!.heapUsedBytes - samples[0]!.heapUsedBytes,
      heapUsedBytesPerCycle: slope(samples.map((s) => ({ x: s.cycle, y: s.heapUsedBytes }))),
      retainedObjectsGrowth: retainedAfter.count - retainedBefore.count,
      retainedBytesGrowth,
      flat: Math.abs(retainedBytesGrowth) < FLAT_RETAINED_BYTES,
      refreshes,
      finalState,
    };
  } finally {
    auth.stop();
    await rm(snapshotDir, { recursive: true, force: true });
  }
}

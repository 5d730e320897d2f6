import { createActor, setup } from 'xstate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingDelays } from '../../../machines/inspect/chart/index.js';

const machine = setup({
  types: { events: {} as { type: 'GO' } },
  delays: { challengeTimeout: 180_000 },
  actions: { later: () => {} },
}).createMachine({
  id: 'm',
  initial: 'waiting',
  states: {
    waiting: {
      after: { challengeTimeout: 'done', 5000: 'done' },
      on: { GO: 'done' },
    },
    done: {},
  },
});

describe('pendingDelays', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lists the actor's running `after` timers, soonest first, by delay and state", () => {
    const actor = createActor(machine).start();
    vi.advanceTimersByTime(1000);
    expect(pendingDelays(actor)).toEqual([
      { delay: '5000', stateId: 'm.waiting', dueAt: 1_005_000 },
      { delay: 'challengeTimeout', stateId: 'm.waiting', dueAt: 1_180_000 },
    ]);
    actor.send({ type: 'GO' });
    expect(pendingDelays(actor)).toEqual([]);
    actor.stop();
  });
});

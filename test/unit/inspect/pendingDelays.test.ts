import { createActor, createMachine, raise, setup } from 'xstate';
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

  it('orders by when they fire, not by how the state lists them', () => {
    // An integer key always comes first in a JS object, so `5000` is scheduled before
    // `challengeTimeout` here although it fires later.
    const soonNamed = setup({ delays: { challengeTimeout: 1000 } }).createMachine({
      id: 'n',
      initial: 'waiting',
      states: { waiting: { after: { 5000: 'done', challengeTimeout: 'done' } }, done: {} },
    });
    const actor = createActor(soonNamed).start();
    expect(pendingDelays(actor).map((pending) => pending.delay)).toEqual(['challengeTimeout', '5000']);
    actor.stop();
  });

  it("lists only this actor's delayed transitions: not a child's, not a delayed event it sends", () => {
    const child = createMachine({ id: 'child', initial: 'c', states: { c: { after: { 100: 'd' } }, d: {} } });
    const parent = setup({ actors: { child } }).createMachine({
      id: 'p',
      initial: 'waiting',
      invoke: { src: 'child', id: 'kid' },
      entry: raise({ type: 'PING' }, { delay: 50 }),
      states: { waiting: { after: { 200: 'done' } }, done: {} },
    });
    const actor = createActor(parent).start();
    expect(pendingDelays(actor)).toEqual([{ delay: '200', stateId: 'p.waiting', dueAt: 1_000_200 }]);
    expect(pendingDelays(actor.getSnapshot().children.kid!)).toEqual([{ delay: '100', stateId: 'child.c', dueAt: 1_000_100 }]);
    actor.stop();
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

import { createActor, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { holdRefreshLock } from '../../../machines/actors/tabActors.js';
import type { RefreshLock } from '../../../machines/tabs/RefreshLock.js';

// holdRefreshLock in a chart of its own: a `waiting` state that holds it and leaves on LOCK_ACQUIRED,
// as refreshing.locked does in the auth machine.
function lockHolder(lock: RefreshLock) {
  const machine = setup({ actors: { holdRefreshLock } }).createMachine({
    initial: 'waiting',
    states: {
      waiting: { invoke: { src: 'holdRefreshLock', input: { lock } }, on: { LOCK_ACQUIRED: 'locked' } },
      locked: {},
    },
  });
  return createActor(machine).start();
}

describe('holdRefreshLock', () => {
  it('goes on without the lock when it cannot be had at all (a double refresh beats none)', async () => {
    const failure = Promise.reject(new DOMException('Web Locks are not available here', 'SecurityError'));
    failure.catch(() => {});
    const holder = lockHolder({ acquire: () => failure });
    // Let the failed acquisition be handled.
    await new Promise((resolve) => setImmediate(resolve));
    expect(holder.getSnapshot().value).toBe('locked');
    holder.stop();
  });

  it('gives back at once a lock granted after the refresh stopped waiting for it', async () => {
    let grant: (release: () => void) => void = () => {};
    const holder = lockHolder({ acquire: () => new Promise((resolve) => (grant = resolve)) });
    holder.stop();
    let released = false;
    grant(() => {
      released = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { authMachine } from '../../../machines/authMachine.js';
import { activeStateIds } from '../../../machines/inspect/chart/index.js';

describe('activeStateIds', () => {
  it('names the states a value makes active, from the root down', () => {
    expect([...activeStateIds(authMachine, 'signedOut')]).toEqual(['auth', 'auth.signedOut']);
    expect([...activeStateIds(authMachine, { refreshing: { locked: 'requesting' } })]).toEqual([
      'auth',
      'auth.refreshing',
      'auth.refreshing.locked',
      'auth.refreshing.locked.requesting',
    ]);
  });

  it('skips a state the chart no longer has (a value recorded from an older chart), rather than failing', () => {
    expect([...activeStateIds(authMachine, { signedIn: 'gone' })]).toEqual(['auth', 'auth.signedIn']);
    expect([...activeStateIds(authMachine, 'gone')]).toEqual(['auth']);
  });
});

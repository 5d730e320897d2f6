import { describe, expect, it } from 'vitest';
import { eventLabel, transitionLabel } from '../../../machines/inspect/chart/transitionLabel.js';

describe('eventLabel', () => {
  it.each([
    ['', 'always'],
    ['xstate.done.actor.signUp', 'done signUp'],
    ['xstate.error.actor.refresh', 'error refresh'],
    ['xstate.after.refreshDue.auth.signedIn', 'after refreshDue'],
    ['TOKEN_REJECTED', 'TOKEN_REJECTED'],
    // Only XState's own event types are shortened: an app's event that merely contains the words
    // is shown as it is, and so is anything after a one-word actor id.
    ['app.xstate.done.actor.signUp', 'app.xstate.done.actor.signUp'],
    ['app.xstate.after.soon.x', 'app.xstate.after.soon.x'],
    ['xstate.done.actor.signUp.extra', 'xstate.done.actor.signUp.extra'],
  ])('%j → %j', (eventType, label) => {
    expect(eventLabel(eventType)).toBe(label);
  });
});

describe('transitionLabel', () => {
  it('adds the guard in brackets, when there is one', () => {
    expect(transitionLabel('TOKEN_REJECTED', 'isCurrentToken')).toBe('TOKEN_REJECTED [isCurrentToken]');
    expect(transitionLabel('REFRESH', null)).toBe('REFRESH');
  });
});

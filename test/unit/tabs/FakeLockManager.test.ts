import { describe, expect, it } from 'vitest';
import { FakeLockManager } from '../../support/FakeLockManager.js';
import { LOCK_SCENARIO_TRACE, lockScenario } from '../../support/lockScenario.js';

// The Web Locks adapter is mutation-tested in Node against FakeLockManager, so the fake must
// behave as browsers do. test/e2e/webLocks.e2e.test.ts runs the same scenario on chromium's
// navigator.locks and expects the same trace: the fake is held to the browser, not to itself.
describe('FakeLockManager', () => {
  it("writes the Web Locks scenario's trace as chromium does", async () => {
    expect(await lockScenario(FakeLockManager.tabs(2))).toEqual(LOCK_SCENARIO_TRACE);
  });
});

import { describe, expect, it } from 'vitest';
import { createAuth } from '../../../machines/index.js';
import { redactedInspector } from '../../../machines/inspect/index.js';
import { TEST_POOL } from '../../support/fakeTokens.js';

// createAuth takes only an inspector made by redactedInspector: the mark is what stands between
// a token and an inspector. Plain functions and observers are refused in resolveOptions.test.ts;
// here, the look-alikes that reach the mark check itself.

const base = { userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory' as const };

describe('createAuth({ inspect })', () => {
  it.each([
    // Spreading a marked inspector copies the mark onto an observer whose `next` gets raw events.
    ['an observer that carries a copied mark', { ...redactedInspector(() => undefined), next: (): void => undefined }],
    // Refused with the same invalidConfig, not a TypeError from reading the mark.
    ['null', null],
  ])('refuses %s as invalidConfig', (_what, inspect) => {
    expect(() => createAuth({ ...base, inspect: inspect as never })).toThrow(expect.objectContaining({ code: 'invalidConfig' }));
  });
});

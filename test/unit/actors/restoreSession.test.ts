import { describe, expect, it } from 'vitest';
import { restoreSession } from '../../../machines/actors/restoreSession.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { actorInput, run } from './actorInput.js';

// The restore on its own (the rest of its answers: test/unit/storage and the model tests).

describe('restoreSession', () => {
  it('finds nothing stored: empty, without a word to Cognito', async () => {
    const cognito = new FakeCognito();
    expect(await run(restoreSession, actorInput(cognito))).toEqual({ status: 'empty' });
    expect(cognito.calls).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { AuthError } from '../../machines/index.js';
import { redactValue } from '../../machines/inspect/index.js';
import { modelPaths } from '../model/modelPaths.js';

/**
 * Every snapshot the model reaches, as JSON (what logs, devtools, error reporters and
 * `JSON.stringify(actor.getSnapshot())` would show), must hold no secret: no JWT or JWE (all
 * start `eyJ`), no password, no challenge session, no TOTP secret.
 */
const SECRET_SHAPES = [/eyJ[\w-]*\./, /"pw"/, /new-pw/, /session-/, /JBSWY3DPEHPK3PXP/];

describe('no token leaks', () => {
  const paths = modelPaths();

  it('JSON of every reachable snapshot and its context holds no token, password or secret', () => {
    let checked = 0;
    for (const path of paths) {
      for (const { state } of path.steps) {
        const json = JSON.stringify(state) + JSON.stringify(state.context);
        for (const shape of SECRET_SHAPES) expect(json, `${shape} in ${JSON.stringify(state.value)}`).not.toMatch(shape);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    console.log(`no-leak check: ${checked} snapshots on ${paths.length} paths`);
  });

  it('the claims stay readable: only secrets are hidden', () => {
    const signedIn = paths.flatMap((path) => path.steps).find(({ state }) => state.matches('signedIn'))!.state;
    const json = JSON.parse(JSON.stringify(signedIn.context)) as { session: { idClaims: { sub: string }; tokens: unknown } };
    expect(json.session.idClaims.sub).toBeTruthy();
    expect(json.session.tokens).toEqual({ idToken: '[redacted]', accessToken: '[redacted]', refreshToken: '[redacted]' });
    // Reading the token in code is unaffected.
    expect(signedIn.context.session!.tokens.idToken).toMatch(/^eyJ/);
  });

  it('errors and redacted values never carry a token', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    const error = new AuthError('unknown', 'failed', { cause: new Error(jwt) });
    expect(JSON.stringify(error)).not.toContain(jwt);
    expect(JSON.stringify(redactValue({ nested: [{ token: jwt }] }))).not.toContain(jwt);
  });
});

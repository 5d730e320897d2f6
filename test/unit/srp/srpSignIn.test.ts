import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuth, fetchTransport, type Auth, type AuthConfig, type CognitoTransport } from '../../../machines/index.js';
import { redactedInspector } from '../../../machines/inspect/index.js';
import { passwordClaim } from '../../../machines/srp/passwordClaim.js';
import { N } from '../../../machines/srp/srpGroup.js';
import { startSrp } from '../../../machines/srp/startSrp.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import type { LoopbackServer } from '../../support/serveOnLoopback.js';
import { serveCognito } from '../../support/srp/serveCognito.js';
import { srpCognito, type SrpCognitoOptions } from '../../support/srp/srpCognito.js';
import { SrpVerifier } from '../../support/srp/srpVerifier.js';

const PASSWORD = 'Corr3ct horse, battery staple ✓';
let auth: Auth | undefined;
let server: LoopbackServer | undefined;
afterEach(async () => {
  auth?.stop();
  await server?.stop();
  auth = server = undefined;
});

async function pool(options: SrpCognitoOptions = {}) {
  const verifier = new SrpVerifier(TEST_POOL.userPoolId);
  // Signs in by username or email; SRP hashes the canonical id, as Cognito's USER_ID_FOR_SRP.
  await verifier.register(['demo', 'demo@example.com'], PASSWORD, 'a1b2c3d4-0000-4000-8000-canonical');
  return srpCognito(verifier, options);
}

function start(transport: CognitoTransport, config: Partial<AuthConfig> = {}): Auth {
  auth = createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', wake: null, transport, ...config });
  return auth;
}

/** authchart's own fetchTransport to the fake served over HTTP: Cognito's errors mapped for real. */
async function overHttp(transport: CognitoTransport, config: Partial<AuthConfig> = {}): Promise<Auth> {
  server = await serveCognito(transport);
  return start(fetchTransport({ region: 'us-east-1', endpoint: server.origin }), config);
}

describe('sign-in with SRP (the default)', () => {
  it('signs in without the password ever going over the wire', async () => {
    const cognito = await pool();
    expect(await start(cognito).signIn({ username: 'demo', password: PASSWORD })).toBe('signedIn');
    expect(cognito.calls.map((call) => call.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(cognito.calls[0]!.input).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'demo' } });
    expect(JSON.stringify(cognito.calls)).not.toContain(PASSWORD);
  });

  it('signs in by an alias: the proof is for USER_ID_FOR_SRP, not what was typed', async () => {
    const cognito = await pool();
    expect(await start(cognito).signIn({ username: 'demo@example.com', password: PASSWORD })).toBe('signedIn');
    expect(cognito.calls[1]!.input).toMatchObject({ ChallengeResponses: { USERNAME: 'a1b2c3d4-0000-4000-8000-canonical' } });
  });

  it('answers a PASSWORD_VERIFIER that came without a Session, and sends none back', async () => {
    const cognito = await pool({ sessionWithVerifier: false });
    expect(await start(cognito).signIn({ username: 'demo', password: PASSWORD })).toBe('signedIn');
    expect(cognito.calls[1]!.input).not.toHaveProperty('Session');
  });

  it('refuses a wrong password as invalidCredentials (NotAuthorized answering PASSWORD_VERIFIER)', async () => {
    const signingIn = await overHttp(await pool());
    await expect(signingIn.signIn({ username: 'demo', password: 'wrong' })).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(signingIn.actor.getSnapshot().value).toEqual({ signedOut: 'idle' });
    expect(await signingIn.signIn({ username: 'demo', password: PASSWORD })).toBe('signedIn');
  });

  it('says which flow the app client refused and which option changes it', async () => {
    const signingIn = await overHttp(await pool(), { authFlow: 'USER_PASSWORD_AUTH' });
    const refused = signingIn.signIn({ username: 'demo', password: PASSWORD });
    await expect(refused).rejects.toMatchObject({ code: 'authFlowNotEnabled', retryable: false });
    await expect(refused).rejects.toThrow(/USER_PASSWORD_AUTH.*ExplicitAuthFlows.*authFlow/);
    expect(signingIn.actor.getSnapshot().value).toEqual({ signedOut: 'idle' });
  });

  it.each([
    ['B ≡ 0 mod N', { SRP_B: N.toString(16) }],
    ['B = 0', { SRP_B: '0' }],
    ['a non-hex SRP_B', { SRP_B: 'xyz' }],
    ['no SRP_B', { SRP_B: undefined }],
    ['a non-hex SALT', { SALT: '12g4' }],
    ['no SECRET_BLOCK', { SECRET_BLOCK: undefined }],
    ['a SECRET_BLOCK that is not base64', { SECRET_BLOCK: '*not base64*' }],
  ])('refuses a challenge with %s before answering it (invalidResponse)', async (_, changed) => {
    const parameters = { SRP_B: 'ab12', SALT: 'cd34', SECRET_BLOCK: 'c2VjcmV0', USER_ID_FOR_SRP: 'demo', ...changed };
    const cognito = new FakeCognito().on('InitiateAuth', () => ({
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 's',
      ChallengeParameters: Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined)) as Record<string, string>,
    }));
    await expect(start(cognito).signIn({ username: 'demo', password: PASSWORD })).rejects.toMatchObject({ code: 'invalidResponse' });
    expect(cognito.callsOf('RespondToAuthChallenge')).toEqual([]);
  });
});

describe('custom auth', () => {
  const customChallenges = [
    { question: 'What is 6 × 7?', answer: '42' },
    { question: 'And the magic word?', answer: 'please' },
  ];

  it('CUSTOM_WITH_SRP: proves the password, then answers the trigger until it issues tokens', async () => {
    const cognito = await pool({ customChallenges });
    const signingIn = start(cognito, { authFlow: 'CUSTOM_WITH_SRP' });
    expect(await signingIn.signIn({ username: 'demo', password: PASSWORD })).toBe('customChallenge');
    expect(cognito.calls[0]!.input).toMatchObject({ AuthFlow: 'CUSTOM_AUTH', AuthParameters: { CHALLENGE_NAME: 'SRP_A' } });
    expect(signingIn.actor.getSnapshot().context.challenge).toMatchObject({ kind: 'custom', parameters: { question: 'What is 6 × 7?' } });
    expect(await signingIn.submitCustomChallenge('42')).toBe('customChallenge');
    expect(await signingIn.submitCustomChallenge('please')).toBe('signedIn');
  });

  it('CUSTOM_WITHOUT_SRP: no password; a wrong answer ends the sign-in (the trigger failed it)', async () => {
    const signingIn = await overHttp(await pool({ customChallenges }), { authFlow: 'CUSTOM_WITHOUT_SRP' });
    expect(await signingIn.signIn({ username: 'demo', password: '' })).toBe('customChallenge');
    await expect(signingIn.submitCustomChallenge('41')).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(signingIn.actor.getSnapshot().value).toEqual({ signedOut: 'idle' });
    expect(signingIn.actor.getSnapshot().context.challenge).toBeNull();
  });
});

describe('the test verifier itself', () => {
  const require = createRequire(import.meta.url);
  const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js') as typeof import('amazon-cognito-identity-js');

  /** amazon-cognito-identity-js, the reference client, signing in against the fake over HTTP. */
  async function referenceSignIn(password: string): Promise<'signedIn' | string> {
    server = await serveCognito(await pool());
    const userPool = new CognitoUserPool({ UserPoolId: TEST_POOL.userPoolId, ClientId: TEST_POOL.clientId, endpoint: server.origin });
    const user = new CognitoUser({ Username: 'demo', Pool: userPool });
    return new Promise((resolve) =>
      user.authenticateUser(new AuthenticationDetails({ Username: 'demo', Password: password }), {
        onSuccess: () => resolve('signedIn'),
        onFailure: (error: { code?: string; name?: string }) => resolve(error.code ?? error.name ?? 'failed'),
      }),
    );
  }

  it("accepts the reference client's proof and refuses its wrong password", async () => {
    expect(await referenceSignIn(PASSWORD)).toBe('signedIn');
    await server!.stop();
    expect(await referenceSignIn('wrong')).toBe('NotAuthorizedException');
  });

  it("accepts authchart's claim from a device clock a few minutes off, and refuses a stale one", async () => {
    const serverNow = Date.UTC(2026, 11, 4, 16, 0, 0);
    const verifier = new SrpVerifier(TEST_POOL.userPoolId, () => serverNow);
    await verifier.register(['demo'], PASSWORD);
    const claimAt = async (minutesOff: number) => {
      const secret = startSrp();
      const { session, parameters } = await verifier.begin('demo', secret.A.toString(16));
      const now = serverNow + minutesOff * 60_000;
      const responses = await passwordClaim({ realm: verifier.poolName, password: PASSWORD, secret, parameters, username: 'demo', now });
      return verifier.verify(session, responses);
    };
    expect(await claimAt(-4)).toBe('demo');
    await expect(claimAt(10)).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException', message: 'Invalid timestamp.' });
  });
});

describe('custom-auth answers are secrets', () => {
  it('never reach an inspector', async () => {
    const seen: string[] = [];
    const cognito = await pool({ customChallenges: [{ question: 'Code from the email?', answer: 'MAGIC-987654' }] });
    const signingIn = start(cognito, { authFlow: 'CUSTOM_WITH_SRP', inspect: redactedInspector((event) => seen.push(JSON.stringify(event))) });
    await signingIn.signIn({ username: 'demo', password: PASSWORD });
    expect(await signingIn.submitCustomChallenge('MAGIC-987654')).toBe('signedIn');
    expect(seen.join('\n')).toContain('SUBMIT_CUSTOM_CHALLENGE');
    expect(seen.join('\n')).not.toContain('MAGIC-987654');
  });
});

import type { AnyMachineSnapshot, AnyStateNode, EventObject } from 'xstate';
import {
  authMachine,
  AuthError,
  noRefreshLock,
  resolveConfig,
  tokenIdOf,
  type AuthContext,
  type AuthPorts,
  type Clock,
  type TokenStorage,
  type Challenge,
  type Session,
} from '../../machines/index.js';
import type { OAuthPort } from '../../machines/oauth/OAuthPort.js';
import type { PasskeyPort } from '../../machines/passkeys/PasskeyPort.js';
import type { DevicePort } from '../../machines/devices/DevicePort.js';
import type { ChoiceBasedSignInPort } from '../../machines/choice/ChoiceBasedSignInPort.js';
import { challengeKindOf, type FirstFactor } from '../../machines/challenges/Challenge.js';
import { createSession } from '../../machines/tokens/createSession.js';
import { isExpired } from '../../machines/tokens/Session.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

/** Model time starts here; every replay sets its SimulatedClock to it. */
export const T0 = Date.UTC(2026, 0, 1, 12);

/**
 * Every optional timer on, so that each of its transitions is in the graph. The storm guard
 * allows 2 requests (few steps to reach it, a small graph) in a window wider than any path's
 * time: the walk's clock stands still, and the replay must agree with it.
 */
export const MODEL_CONFIG = {
  ...resolveConfig({
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    idleTimeoutMinutes: 30,
    maxSessionAgeHours: 12,
    maxRefreshesPerMinute: 2,
  }),
  refreshStormWindowMs: 30 * 24 * 3_600_000,
  // Another tab's refresh announcement counts for longer than any path, as the walk's clock stands still.
  lockTimeoutMs: 30 * 24 * 3_600_000,
};

/** Managed login, configured: the chart only asks it things through actors, which the walk scripts. */
const MODEL_OAUTH: OAuthPort = {
  takeRedirectResponse: () => null,
  startRedirect: async () => {},
  completeRedirect: async () => {
    throw new Error('scripted by the model');
  },
  rememberHostedSignIn: () => {},
  endHostedSession: () => {},
};

/** Passkeys, available: the chart only asks for them through actors, which the walk scripts. */
const MODEL_PASSKEYS: PasskeyPort = {
  authenticate: async () => {
    throw new Error('scripted by the model');
  },
  register: async () => {
    throw new Error('scripted by the model');
  },
};

/** Choice-based sign-in, configured: the walk scripts its actors' outcomes. */
const MODEL_CHOICE: ChoiceBasedSignInPort = {
  start: async () => {
    throw new Error('scripted by the model');
  },
  choose: async () => {
    throw new Error('scripted by the model');
  },
  offerChoice: async () => {
    throw new Error('scripted by the model');
  },
  answerWithPasskey: async () => {
    throw new Error('scripted by the model');
  },
};

/** Remembered devices, on: the walk scripts its actors' outcomes. */
const MODEL_DEVICES: DevicePort = {
  deviceKeyFor: () => null,
  confirm: async () => {
    throw new Error('scripted by the model');
  },
  prove: async () => {
    throw new Error('scripted by the model');
  },
  forget: async () => {},
  forgetName: async () => {},
};

/** Fake ports for the model and its replays: no other tabs, no browser signals, fixed jitter, managed login, choice-based sign-in and passkeys on. */
export function modelPorts(storage: TokenStorage, clock: Clock): AuthPorts {
  return {
    transport: new FakeCognito(),
    storage,
    clock,
    channel: null,
    lock: noRefreshLock,
    random: () => 0.5,
    wake: null,
    activity: null,
    oauth: MODEL_OAUTH,
    choice: MODEL_CHOICE,
    passkeys: MODEL_PASSKEYS,
    devices: MODEL_DEVICES,
  };
}

/** How long the named timer of an `xstate.after.<delay>.<state>` event waits, given the context. */
export function timerDelay(eventType: string, context: unknown): number {
  const delays = authMachine.implementations.delays as Record<string, (args: { context: unknown }) => number>;
  return delays[eventType.split('.')[2]!]!({ context });
}

/**
 * Tokens issued at device time `now`: 1 h lifetime like Cognito's default unless given, and
 * `authAgeSeconds` since the user authenticated (for the maximum session age).
 */
export function sessionAt(now: number, serial = 0, lifetimeSeconds = 3600, authAgeSeconds = 0): Session {
  const tokens = makeTokenSet({ iatSeconds: Math.floor(now / 1000), lifetimeSeconds, serial, authAgeSeconds });
  return createSession(tokens, MODEL_CONFIG, now);
}

/** Same shape as `session`, issued again at `now`: what Cognito would give the replay. */
function reissued(session: Session, now: number, serial: number): Session {
  const authAgeSeconds = session.idClaims.iat - (session.idClaims.auth_time ?? session.idClaims.iat);
  return sessionAt(now, serial, session.lifetimeMs / 1000, authAgeSeconds);
}

/** A token id that names no token in use: a 401 for tokens a refresh has already replaced. */
export const STALE_TOKEN_ID = 'stale-token';

/**
 * A challenge as Cognito's answer would make it; `choices` makes it a first factor of
 * choice-based sign-in (an empty list: asked for directly, nothing to go back to).
 */
function challenge(name: string, options: { totp?: boolean; choices?: FirstFactor[] } = {}): Challenge {
  return {
    name,
    kind: challengeKindOf(name),
    challengeSession: `session-${name}`,
    username: 'demo',
    parameters: {},
    totpSetup: options.totp ? { secretCode: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/authchart:demo?secret=JBSWY3DPEHPK3PXP' } : null,
    firstFactor: options.choices ? { choices: options.choices } : null,
  };
}

/** What choice-based sign-in offers in the model. */
const CHOICES: FirstFactor[] = ['PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'];

const error = (code: ConstructorParameters<typeof AuthError>[0]) => new AuthError(code, code);

/** User events and their payload cases. */
const USER_EVENTS: Record<string, EventObject[] | ((snapshot: AnyMachineSnapshot) => EventObject[])> = {
  SIGN_IN: [event('SIGN_IN', { username: 'demo', password: 'pw' })],
  SIGN_OUT: [event('SIGN_OUT'), event('SIGN_OUT', { global: true })],
  SIGN_IN_WITH_REDIRECT: [event('SIGN_IN_WITH_REDIRECT', { options: { customState: '/dashboard' } })],
  REDIRECT_RETURNED: [
    event('REDIRECT_RETURNED', { response: { kind: 'code', code: 'code', state: 'state' } }),
    event('REDIRECT_RETURNED', { response: { kind: 'error', error: 'access_denied', description: null, state: 'state' } }),
  ],
  REFRESH: [event('REFRESH')],
  CANCEL: [event('CANCEL')],
  STORAGE_FALLBACK: [event('STORAGE_FALLBACK', { error: error('storageUnavailable') })],
  TOKEN_REJECTED: tokenCases('TOKEN_REJECTED'),
  SESSION_REVOKED: tokenCases('SESSION_REVOKED'),
  COMPLETE_NEW_PASSWORD: [event('COMPLETE_NEW_PASSWORD', { newPassword: 'new-pw' })],
  SUBMIT_MFA_CODE: [event('SUBMIT_MFA_CODE', { code: '123456' })],
  SELECT_MFA_TYPE: [event('SELECT_MFA_TYPE', { mfaType: 'SOFTWARE_TOKEN_MFA' })],
  SUBMIT_CUSTOM_CHALLENGE: [event('SUBMIT_CUSTOM_CHALLENGE', { answer: 'answer' })],
  SELECT_CHALLENGE: [event('SELECT_CHALLENGE', { challenge: 'EMAIL_OTP' }), event('SELECT_CHALLENGE', { challenge: 'PASSWORD_SRP', password: 'pw' })],
  RESEND_CODE: [event('RESEND_CODE')],
  CHOOSE_AGAIN: [event('CHOOSE_AGAIN')],
  LOCK_ACQUIRED: [event('LOCK_ACQUIRED')],
  WAKE: [event('WAKE')],
  USER_ACTIVE: [event('USER_ACTIVE')],
  ACTIVE_ELSEWHERE: [event('ACTIVE_ELSEWHERE')],
  SESSION_CHANGED_ELSEWHERE: [event('SESSION_CHANGED_ELSEWHERE', { stored: '{}' })],
  SIGNED_OUT_ELSEWHERE: [
    event('SIGNED_OUT_ELSEWHERE', { reason: 'user' }),
    event('SIGNED_OUT_ELSEWHERE', { reason: 'expired' }),
    event('SIGNED_OUT_ELSEWHERE', { reason: 'deleted' }),
  ],
  ACCOUNT_DELETED: [event('ACCOUNT_DELETED')],
  REFRESH_STARTED_ELSEWHERE: [event('REFRESH_STARTED_ELSEWHERE')],
  REFRESH_FAILED_ELSEWHERE: [event('REFRESH_FAILED_ELSEWHERE')],
};

/**
 * Tokens another tab stored: never the same as this tab's, and of another sign-in (its user
 * authenticated at another time than any session this tab ended).
 */
function otherTabSession(context: AuthContext, issuedAt: number): Session {
  const serial = context.session?.idClaims.jti === 'jti-99' ? 98 : 99;
  return sessionAt(issuedAt, serial, 3600, OTHER_SIGN_IN_AGE_SECONDS);
}

/** How long before issue another tab's user signed in: no session of this tab's has that age. */
const OTHER_SIGN_IN_AGE_SECONDS = 7 * 60 + 13;

/** Tokens of the sign-in this tab ended, refreshed in another tab (a refresh crossing the sign-out). */
function endedSignInSession(context: AuthContext, issuedAt: number): Session[] {
  const ended = context.endedSignIn;
  if (!ended) return [];
  return [sessionAt(issuedAt, 96, 3600, Math.floor(issuedAt / 1000) - ended.authTime)];
}

const signedInResult = { session: sessionAt(T0) };
/** On a pool that tracks devices: tokens and the device they were issued to. */
const newDeviceResult = { session: sessionAt(T0), newDevice: { deviceKey: 'eu-west-1_device', deviceGroupKey: '-group' } };
/** Lives 20 minutes: its refresh comes before the 30-minute idle timeout (1-hour ones idle out first). */
const shortSessionResult = { session: sessionAt(T0, 2, 20 * 60) };

/** What each invoked actor may answer: outputs for its done event, errors for its error event. */
export const ACTOR_OUTCOMES: Record<string, { outputs: unknown[] | ((context: AuthContext) => unknown[]); errors: AuthError[] }> = {
  // What storage holds: nothing, this tab's own session, another tab's fresh one, stale or bad data.
  restoreSession: {
    // `origin` (ignored by the machine) says whose tokens they are, for labels and the replay.
    outputs: (context) => [
      { status: 'empty' },
      // This tab's own tokens, as the real restore would class them: expired ones only refresh.
      ...(context.session
        ? [{ status: context.session.expiresAt > T0 ? 'usable' : 'refreshable', session: context.session, origin: 'ours' }]
        : []),
      { status: 'usable', session: otherTabSession(context, T0), origin: 'otherTab' },
      ...endedSignInSession(context, T0).map((session) => ({ status: 'usable', session, origin: 'endedSignIn' })),
      // Signed in 12 hours ago: at its maximum age.
      { status: 'usable', session: sessionAt(T0, 97, 3600, 12 * 3600), origin: 'aged' },
      { status: 'refreshable', session: otherTabSession(context, T0 - 2 * 3600_000), origin: 'otherTab' },
      { status: 'invalid', error: error('invalidStorage') },
    ],
    errors: [error('unknown')],
  },
  startSignIn: {
    outputs: [
      signedInResult,
      shortSessionResult,
      newDeviceResult,
      ...['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'CUSTOM_CHALLENGE', 'DEVICE_SRP_AUTH', 'ADMIN_NO_SRP_AUTH'].map((name) => ({
        challenge: challenge(name),
      })),
      // USER_AUTH: the choice, or the code or passkey asked for directly.
      { challenge: challenge('SELECT_CHALLENGE', { choices: CHOICES }) },
      { challenge: challenge('EMAIL_OTP', { choices: [] }) },
      { challenge: challenge('WEB_AUTHN', { choices: [] }) },
    ],
    errors: [error('invalidCredentials')],
  },
  chooseFirstFactor: {
    outputs: [
      signedInResult,
      { challenge: challenge('EMAIL_OTP', { choices: CHOICES }) },
      { challenge: challenge('WEB_AUTHN', { choices: CHOICES }) },
      // After a password: MFA like any other.
      { challenge: challenge('SOFTWARE_TOKEN_MFA') },
    ],
    errors: [error('invalidCredentials'), error('codeDeliveryFailed')],
  },
  answerWithPasskey: {
    outputs: [signedInResult],
    errors: [error('passkeyCancelled'), error('passkeyRefused')],
  },
  // After a passkey asked for directly: the choice, or (the passkey being the only way in) not.
  offerChoice: {
    outputs: [{ challenge: challenge('SELECT_CHALLENGE', { choices: CHOICES }) }, { challenge: challenge('WEB_AUTHN', { choices: [] }) }],
    errors: [error('network')],
  },
  confirmDevice: { outputs: [undefined], errors: [error('network')] },
  // A remembered device: tokens, or MFA where the pool does not skip it; or a device the pool forgot.
  proveDevice: { outputs: [signedInResult, { challenge: challenge('SOFTWARE_TOKEN_MFA') }], errors: [error('deviceForgotten')] },
  respondToChallenge: {
    outputs: [signedInResult, { challenge: challenge('SOFTWARE_TOKEN_MFA') }, { challenge: challenge('CUSTOM_CHALLENGE') }],
    errors: [error('challengeExpired'), error('codeMismatch'), error('invalidCredentials')],
  },
  associateChallengeTotp: { outputs: [challenge('MFA_SETUP', { totp: true })], errors: [error('network')] },
  verifyChallengeTotp: { outputs: [signedInResult], errors: [error('challengeExpired'), error('codeMismatch')] },
  refreshSession: {
    outputs: [{ session: sessionAt(T0, 1), refreshApi: 'initiateAuth' }],
    errors: [error('refreshRejected'), error('network')],
  },
  revokeSession: { outputs: [{ revoked: true, globalSignOut: 'notRequested' }], errors: [error('unknown')] },
  startRedirect: { outputs: [undefined], errors: [error('invalidConfig')] },
  completeRedirect: {
    outputs: [{ session: sessionAt(T0, 5), customState: '/dashboard' }],
    errors: [error('accessDenied'), error('redirectFailed')],
  },
};

/** An invoke's logic by its id: `readSharedSession` runs `restoreSession`, for example. */
export function sourceOf(actorId: string): string {
  return INVOKE_SOURCES.get(actorId) ?? actorId;
}

const INVOKE_SOURCES = new Map<string, string>();
(function collect(node: AnyStateNode) {
  for (const invoke of node.invoke) INVOKE_SOURCES.set(invoke.id, String(invoke.src));
  for (const child of Object.values(node.states)) collect(child as AnyStateNode);
})(authMachine.root);

export function outputsOf(source: string, context: AuthContext): unknown[] {
  const outputs = ACTOR_OUTCOMES[source]?.outputs ?? [];
  return typeof outputs === 'function' ? outputs(context) : outputs;
}

function event(type: string, payload: Record<string, unknown> = {}): EventObject {
  return { type, ...payload };
}

/** The ID token in use now (the replay swaps in its own, as its tokens differ). */
function tokenCases(type: string) {
  return (snapshot: AnyMachineSnapshot): EventObject[] => {
    const session = (snapshot.context as AuthContext).session;
    const current = session ? tokenIdOf(session.idClaims) : 'no-session';
    return [event(type, { tokenId: current }), event(type, { tokenId: STALE_TOKEN_ID })];
  };
}

/** Cases for one accepted event type; throws for a type the model has no cases for. */
function casesOf(type: string, snapshot: AnyMachineSnapshot): EventObject[] {
  // A delayed transition has one case: its time has come.
  if (type.startsWith('xstate.after.')) return [event(type)];
  const invoked = /^xstate\.(done|error)\.actor\.(\w+)$/.exec(type);
  if (invoked) {
    const [, kind, actorId] = invoked;
    const outcomes = ACTOR_OUTCOMES[sourceOf(actorId!)];
    if (!outcomes) throw new Error(`The model has no outcomes for actor "${actorId}": add them to modelEvents.ts`);
    return kind === 'done'
      ? outputsOf(sourceOf(actorId!), snapshot.context as AuthContext).map((output) => event(type, { output, actorId }))
      : outcomes.errors.map((failure) => event(type, { error: failure, actorId }));
  }
  const cases = USER_EVENTS[type];
  if (!cases) throw new Error(`The model has no payload cases for event "${type}": add them to modelEvents.ts`);
  return typeof cases === 'function' ? cases(snapshot) : cases;
}

/**
 * Every event the snapshot's active states accept, with every payload case of each. An accepted
 * event without cases fails the suite, so a new transition cannot go untested by accident.
 */
export function modelEvents(snapshot: AnyMachineSnapshot): EventObject[] {
  const accepted = [...new Set<string>(snapshot._nodes.flatMap((node) => [...node.transitions.keys()]))];
  return onlyFirstTimers(accepted, snapshot).flatMap((type) => casesOf(type, snapshot));
}

/**
 * Of several pending timers only the soonest can fire (a refresh is due before the tokens
 * expire); the pure walk does not know that, so later ones are left out.
 */
function onlyFirstTimers(types: string[], snapshot: AnyMachineSnapshot): string[] {
  const delayOf = (type: string) => timerDelay(type, snapshot.context);
  const timers = types.filter((type) => type.startsWith('xstate.after.'));
  const soonest = Math.min(...timers.map(delayOf));
  return types.filter((type) => !type.startsWith('xstate.after.') || delayOf(type) === soonest);
}

/** Event identity for the graph: type plus what distinguishes its cases. */
export function eventKey(e: EventObject): string {
  const { output, error: failure, global, tokenId, reason, challenge: choice } = e as EventObject & {
    challenge?: unknown;
    output?: { status?: string; challenge?: Challenge; session?: Session; origin?: string };
    error?: AuthError;
    global?: boolean;
    tokenId?: string;
    reason?: string;
  };
  const details = [
    output?.status,
    output?.origin,
    reason,
    typeof choice === 'string' ? choice : undefined,
    output?.challenge?.name,
    output?.challenge?.firstFactor ? `choices:${output.challenge.firstFactor.choices.length}` : undefined,
    output?.session ? `session:${output.session.lifetimeMs / 60_000}min` : undefined,
    output && 'newDevice' in output ? 'newDevice' : undefined,
    failure?.code,
    tokenId === undefined ? undefined : tokenId === STALE_TOKEN_ID ? 'stale' : 'current',
    global ? 'global' : undefined,
  ].filter(Boolean);
  return details.length > 0 ? `${e.type}(${details.join(',')})` : e.type;
}

/**
 * The parts of a snapshot that decide which transitions can be taken next: the state, and the
 * context that guards read, where they read it (a TOTP set-up matters only when signed in, a
 * challenge only while authenticating…). Tokens, errors, reasons and counters change no
 * transition; left in, they would multiply the graph without covering anything more. The
 * coverage checks make sure nothing is lost by merging.
 */
export function snapshotKey(snapshot: AnyMachineSnapshot | undefined): string {
  if (!snapshot) return 'none';
  const context = snapshot.context as AuthContext;
  const within = (state: string) => snapshot.matches(state);
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    session: context.session !== null,
    challenge: within('authenticating') ? (context.challenge?.name ?? null) : undefined,
    newDevice: within('authenticating') ? context.newDevice !== null : undefined,
    // Read by the guards of choice-based sign-in (a code sent again, the way back to the choice).
    firstFactor: within('authenticating') ? (context.challenge?.firstFactor?.choices.length ?? null) : undefined,
    // Set only with a session (forgetSession clears it); read when the lock is granted.
    otherTabRefreshing: within('signedIn') || within('refreshing') ? context.otherTabRefreshingSince !== null : undefined,
    // Read when another tab's session arrives after this tab's ended.
    endedSignIn:
      within('signedOut') || within('expired') || within('syncing')
        ? context.endedSignIn !== null && context.endReason !== 'expired'
        : undefined,
    stormGuard:
      within('signedIn') || within('refreshing')
        ? Math.min(context.refreshAttempts.length, context.config.maxRefreshesPerMinute)
        : undefined,
  });
}

/** Every user event case, whether or not the snapshot accepts it (for random walks). */
export function allUserEvents(snapshot: AnyMachineSnapshot): EventObject[] {
  return Object.values(USER_EVENTS).flatMap((cases) => (typeof cases === 'function' ? cases(snapshot) : cases));
}

/**
 * An actor outcome as the replay's Cognito would give it: tokens issued at the replay's `now`
 * (with a fresh serial, so every issue is distinct), except this tab's own session, kept as is.
 */
export function outcomeAt(
  source: string,
  outcome: { output: unknown } | { error: unknown },
  context: AuthContext,
  now: number,
  serial: number,
): { output: unknown } | { error: unknown } {
  if (!('output' in outcome)) return outcome;
  const output = outcome.output as { session?: Session; status?: string; origin?: string } | undefined;
  if (!output?.session) return outcome;
  if (source === 'restoreSession') {
    // As restoreSession would judge it now: this tab's tokens may have expired meanwhile.
    if (output.origin === 'ours' && context.session) {
      const status = isExpired(context.session, now) ? 'refreshable' : 'usable';
      return { output: { ...output, status, session: context.session } };
    }
    // The same sign-in as the replay's own ended session, whatever time that was.
    if (output.origin === 'endedSignIn') return { output: { ...output, session: endedSignInSession(context, now)[0] } };
    const issuedAt = output.status === 'refreshable' ? now - 2 * 3600_000 : now;
    return { output: { ...output, session: reissued(output.session, issuedAt, serial) } };
  }
  return { output: { ...output, session: reissued(output.session, now, serial) } };
}

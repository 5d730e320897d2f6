import { SimulatedClock } from 'xstate';
import { createAuth, memoryStorage, type Auth, type RefreshLock, type TabMessage, type TokenSet } from '../../machines/index.js';
import { createSession } from '../../machines/tokens/createSession.js';
import { serializeSession, storageKey } from '../../machines/storage/storedSession.js';
import { FakeCognito } from './FakeCognito.js';
import { makeTokenSet, TEST_POOL, type TokenOptions } from './fakeTokens.js';
import { flush } from './ScriptedActors.js';

export const T0 = Date.UTC(2026, 0, 1, 12);
export const KEY = storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId);

/** A lock the test grants by hand: `grant()` ends the oldest waiting acquire. */
export class ManualLock implements RefreshLock {
  readonly waiting: { grant: () => void; signal: AbortSignal }[] = [];
  released = 0;

  acquire(signal: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const waiter = { signal, grant: () => resolve(() => void (this.released += 1)) };
      this.waiting.push(waiter);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }

  grant(): void {
    const waiter = this.waiting.shift();
    if (!waiter) throw new Error('no tab is waiting for the lock');
    waiter.grant();
  }
}

/**
 * One tab under test, on the real machine with the real restore: shared storage it reads after
 * the lock, a channel whose messages the test delivers (`deliver`), a lock the test grants, and a
 * scripted Cognito that records which refresh token each refresh spent. "The other tab" is the
 * test itself, writing storage and posting messages in whatever order a case needs.
 */
export function oneTabOfTwo(options: { stored: TokenSet; refreshLeadSeconds?: number }) {
  const clock = new SimulatedClock();
  clock.set(T0);
  const storage = memoryStorage('shared local');
  storage.setItem(KEY, serializeStored(options.stored));
  const lock = new ManualLock();
  const posted: TabMessage[] = [];
  let listener: (message: TabMessage) => void = () => {};
  const cognito = new FakeCognito();
  /** The refresh token each refresh request spent. */
  const spent: string[] = [];
  let serial = 100;
  cognito.on('GetTokensFromRefreshToken', (input) => {
    spent.push(input.RefreshToken!);
    const tokens = makeTokenSet({ iatSeconds: Math.floor(clock.now() / 1000), serial: ++serial });
    return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
  });
  const auth: Auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage,
    transport: cognito,
    clock,
    random: () => 0.5,
    wake: null,
    activity: null,
    ...(options.refreshLeadSeconds === undefined ? {} : { refreshLeadSeconds: options.refreshLeadSeconds }),
    tabs: {
      lock,
      channel: {
        post: (message) => posted.push(message),
        subscribe: (next) => {
          listener = next;
          return () => (listener = () => {});
        },
      },
    },
  });

  /** Lets the machine's promises (restore, refresh) and the resulting events run. */
  async function settle() {
    for (let i = 0; i < 5; i++) await flush();
  }

  return {
    clock,
    storage,
    lock,
    posted,
    cognito,
    spent,
    auth,
    settle,
    /** A message from the other tab arrives now. */
    deliver(message: TabMessage) {
      listener(message);
    },
    /** What the other tab writes to the shared storage (and says in its `updated` message). */
    storeFromOtherTab(tokens: TokenSet) {
      const stored = serializeStored(tokens);
      storage.setItem(KEY, stored);
      return stored;
    },
    snapshot: () => auth.actor.getSnapshot(),
  };
}

/**
 * Storage's form of `tokens`, as the tab that asked for them stored them: received as they were
 * issued, on a device clock that agrees with the server's (the drift estimate is then 1 s).
 */
export function serializeStored(tokens: TokenSet): string {
  const { iat } = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString()) as { iat: number };
  return serializeSession(createSession(tokens, TEST_POOL, iat * 1000));
}

/** Tokens issued `ageSeconds` before T0 by the server (serial names the set). */
export function tokensIssuedAgo(ageSeconds: number, options: Omit<TokenOptions, 'iatSeconds'> = {}): TokenSet {
  return makeTokenSet({ iatSeconds: Math.floor(T0 / 1000) - ageSeconds, ...options });
}

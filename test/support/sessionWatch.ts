import { selectIsOffline, type Auth, type TokenStorage } from '../../machines/index.js';

export interface SessionWatch {
  /** Every distinct state value, in order (`signedIn:idle`, `refreshing:retrying`…). */
  readonly states: string[];
  /** Once signed in: every step that left the session (signedOut, expired, or an end reason set). */
  readonly lost: string[];
  /** Steps where storage disagreed with the context (signedIn: other tokens; refreshing: none). */
  readonly storageMismatches: string[];
  /** The state value now. */
  current(): string;
  /** True once the machine reported itself offline (retrying with expired tokens). */
  wasOffline(): boolean;
  stop(): void;
}

/**
 * Subscribes to an auth actor and checks, after every step, the invariants of issue 8: once
 * signed in, the session never ends without a definitive error (callers inject none), and the
 * storage they passed in holds the session in use.
 */
export function watchSession(auth: Auth, storage: TokenStorage, now: () => number): SessionWatch {
  const states: string[] = [];
  const lost: string[] = [];
  const storageMismatches: string[] = [];
  let current = '';
  let signedInOnce = false;
  let offline = false;
  const subscription = auth.actor.subscribe((snapshot) => {
    const value = JSON.stringify(snapshot.value).replace(/["{}]/g, '');
    if (value !== current) states.push(value);
    current = value;
    if (snapshot.matches('signedIn')) signedInOnce = true;
    if (!signedInOnce) return;
    if (snapshot.matches('signedOut') || snapshot.matches('expired') || snapshot.context.endReason !== null) {
      lost.push(`${value} (reason ${snapshot.context.endReason ?? 'none'}; error ${snapshot.context.error?.code ?? 'none'})`);
    }
    if (selectIsOffline(snapshot, now())) offline = true;
    const session = snapshot.context.session;
    if (!session) return;
    const raw = storage.getItem(snapshot.context.config.storageKey);
    const stored = raw === null ? null : (JSON.parse(raw) as { idToken?: string }).idToken ?? null;
    if (snapshot.matches('signedIn') ? stored !== session.tokens.idToken : stored === null) {
      storageMismatches.push(`${value}: storage holds ${stored === null ? 'nothing' : 'other tokens'}`);
    }
  });
  return {
    states,
    lost,
    storageMismatches,
    current: () => current,
    wasOffline: () => offline,
    stop: () => subscription.unsubscribe(),
  };
}

/** `a, b, a, b, c` → `a×2, b×2, c`: how often each state was entered, in order of first entry. */
export function stateCounts(states: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const state of states) counts.set(state, (counts.get(state) ?? 0) + 1);
  return [...counts.entries()].map(([state, n]) => `${state}×${n}`).join(', ');
}

/** The `exp` claim (seconds) of a JWT, raw or `Bearer …`. */
export function expOf(token: string): number {
  const payload = token.replace(/^Bearer\s+/i, '').split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp: number }).exp;
}

// What every bench tab page (authchart's and Amplify's) shares: a schedule on which all tabs ask
// for tokens at the same moment, and a report the runner reads with page.evaluate.

/** How often each tab asks for tokens; ticks fall on whole multiples of it of the shared wall clock. */
export const TICK_MS = 1_000;

export interface TabReport {
  /** Token requests made on the schedule. */
  ticks: number;
  /** Of those, answered with unexpired tokens / with none / with an error. */
  withTokens: number;
  withoutTokens: number;
  errors: string[];
  /**
   * Milliseconds from the auth client's creation (createAuth, Amplify.configure) at page load to
   * its first answer with tokens; null when the first answer had none.
   */
  firstTokensMs: number | null;
  /** `jti` of the ID token the last tick got, to see that the tabs agree. */
  lastIdTokenJti: string | null;
  /** Whether the first request for tokens has been answered. */
  firstAnswered: boolean;
  visibility: DocumentVisibilityState;
}

export interface TabControl {
  signIn(username: string, password: string): Promise<void>;
  /** Starts asking for tokens on the shared schedule. */
  start(): void;
  stop(): void;
  report(): TabReport;
}

declare global {
  interface Window {
    benchTab?: TabControl;
  }
}

/**
 * Installs `window.benchTab` for a page whose library gives tokens by `getIdToken` (null when it
 * has none), and asks for tokens once at once, timing the answer from `createdAt`.
 */
export function installTabHarness(options: {
  /** `performance.now()` just before the library's client was created. */
  createdAt: number;
  signIn(username: string, password: string): Promise<void>;
  getIdToken(): Promise<string | null>;
}): void {
  const report = { ticks: 0, withTokens: 0, withoutTokens: 0, errors: [] as string[], lastIdTokenJti: null as string | null };
  let firstTokensMs: number | null = null;
  let firstAnswered = false;
  options.getIdToken().then(
    (idToken) => {
      if (idToken) firstTokensMs = performance.now() - options.createdAt;
      firstAnswered = true;
    },
    () => (firstAnswered = true),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  function scheduleNext() {
    timer = setTimeout(tick, TICK_MS - (Date.now() % TICK_MS));
  }

  async function tick() {
    if (!running) return;
    scheduleNext();
    report.ticks += 1;
    try {
      const idToken = await options.getIdToken();
      if (idToken && !isExpired(idToken)) {
        report.withTokens += 1;
        report.lastIdTokenJti = claimsOf(idToken)['jti'] as string;
      } else {
        report.withoutTokens += 1;
      }
    } catch (error) {
      if (report.errors.length < 20) report.errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  window.benchTab = {
    signIn: options.signIn,
    start() {
      running = true;
      scheduleNext();
    },
    stop() {
      running = false;
      clearTimeout(timer);
    },
    report: () => ({
      ...report,
      errors: [...report.errors],
      firstTokensMs,
      firstAnswered,
      visibility: document.visibilityState,
    }),
  };
}

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
}

function isExpired(jwt: string): boolean {
  const exp = claimsOf(jwt)['exp'];
  return typeof exp !== 'number' || exp * 1000 <= Date.now();
}

/** The page's settings, from its query string (the runner fills them in). */
export function pageSettings(): { userPoolId: string; clientId: string; endpoint: string; issuer: string } {
  const params = new URLSearchParams(location.search);
  const get = (name: string) => {
    const value = params.get(name);
    if (!value) throw new Error(`bench page needs ?${name}=`);
    return value;
  };
  // The first touch of localStorage on a fresh page costs the browser ~0.5 ms. Amplify pays it
  // while its modules load, before a page's clock starts; touching it here, before either page
  // starts its clock, times both libraries from the same point.
  void localStorage.length;
  return { userPoolId: get('userPoolId'), clientId: get('clientId'), endpoint: get('endpoint'), issuer: get('issuer') };
}

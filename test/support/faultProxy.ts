import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A loopback HTTP proxy in front of cognito-local that injects faults per request: the network
 * between a browser and Cognito, misbehaving on purpose. Bounded: it closes itself after
 * `maxLifetimeMs`, a dropped request is held at most `maxHoldMs`, a delay at most `maxDelayMs`.
 */

/** What happens to one request. */
export type Fault =
  | { kind: 'pass' }
  /** Answers `ms` late: half before forwarding, half after Cognito answered (return-path latency). */
  | { kind: 'delay'; ms: number }
  /** Never answers; only the client's request timeout (or `maxHoldMs`) ends it. */
  | { kind: 'drop' }
  /** Destroys the connection without a response. */
  | { kind: 'reset' }
  /** HTTP 500 `InternalErrorException`, as Cognito answers when it fails. */
  | { kind: 'error500' }
  /** HTTP 429 `TooManyRequestsException` with `x-amzn-errortype`, as Cognito throttles. */
  | { kind: 'throttle429' };

export type FaultKind = Fault['kind'];

/** What the proxy knows about a request when it decides its fate. */
export interface ProxiedRequest {
  /** 0-based, counting every request that reached the proxy (refused connections excluded). */
  index: number;
  /** `InitiateAuth`, `GetTokensFromRefreshToken`… (from `X-Amz-Target`); `other` without one. */
  operation: string;
  /** InitiateAuth's `AuthFlow`, when there is one. */
  authFlow: string | undefined;
  /** A refresh: GetTokensFromRefreshToken, or InitiateAuth with REFRESH_TOKEN_AUTH. */
  isRefresh: boolean;
  /** Milliseconds since the proxy started. */
  elapsedMs: number;
}

/** Decides each request's fate: a schedule (by index or time) or seeded chance. */
export type FaultPlan = (request: ProxiedRequest) => Fault;

/** How a request ended, as the proxy saw it. */
export type Outcome =
  | 'passed'
  | 'delayed'
  | 'dropped'
  | 'reset'
  | 'error500'
  | 'throttle429'
  /** Cut off by going offline while in flight. */
  | 'cutOff'
  /** The client went away before the answer (e.g. its timeout during a delay). */
  | 'clientGone'
  /** cognito-local could not be reached: answered 502. */
  | 'upstreamError';

export interface FaultProxyStats {
  /** Requests by operation (`X-Amz-Target` without the service prefix). */
  byOperation: Record<string, number>;
  /** Requests by the fault the plan chose (what was injected). */
  byFault: Record<FaultKind, number>;
  /** Requests by how they ended. */
  byOutcome: Record<Outcome, number>;
  /** Connections destroyed on arrival while offline. */
  refusedConnections: number;
  /** Times the proxy went offline (each destroying every open connection). */
  offlinePeriods: number;
  /** Refresh requests open at the proxy right now, and the most ever open at once. */
  refreshInFlight: number;
  maxRefreshInFlight: number;
  /** Refresh requests received. */
  refreshRequests: number;
}

export interface FaultProxyOptions {
  /** Where cognito-local listens, e.g. `http://127.0.0.1:9229`. */
  target: string;
  /** Default: pass everything. */
  plan?: FaultPlan;
  /** The proxy closes itself after this long (default 5 minutes). */
  maxLifetimeMs?: number;
  /** A dropped request's connection is destroyed after this long (default 30 s). */
  maxHoldMs?: number;
  /** Longer delays are cut to this (default 30 s). */
  maxDelayMs?: number;
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: give it to the client as its Cognito endpoint. */
  readonly url: string;
  readonly stats: FaultProxyStats;
  /** Replaces the plan for requests from now on. */
  setPlan(plan: FaultPlan): void;
  /**
   * Offline: destroys every open connection at once, and every new one on arrival, until
   * `setOffline(false)` (or for `forMs`, when given).
   */
  setOffline(offline: boolean, forMs?: number): void;
  readonly offline: boolean;
  /** Stops listening, ends every connection and timer. Idempotent. */
  close(): Promise<void>;
}

export const passAll: FaultPlan = () => ({ kind: 'pass' });

/** mulberry32: a tiny seeded PRNG, so a fault sequence can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomFaultOptions {
  seed: number;
  /** Share of requests that get a fault, 0–1. */
  rate: number;
  /** Relative weights of the faults to choose from. */
  weights: Partial<Record<Exclude<FaultKind, 'pass'>, number>>;
  /** Range of an injected delay, ms (default 300–1500). */
  delayMs?: [number, number];
  /** Only these requests may get a fault (default: all). */
  applies?: (request: ProxiedRequest) => boolean;
}

/** Faults at random, reproducibly: the same seed gives the same sequence of decisions. */
export function randomFaults(options: RandomFaultOptions): FaultPlan {
  const random = mulberry32(options.seed);
  const entries = Object.entries(options.weights).filter(([, weight]) => (weight ?? 0) > 0) as [Exclude<FaultKind, 'pass'>, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const [minDelay, maxDelay] = options.delayMs ?? [300, 1500];
  return (request) => {
    if (options.applies && !options.applies(request)) return { kind: 'pass' };
    const hit = random() < options.rate;
    const pick = random() * total;
    const spread = random();
    if (!hit || total === 0) return { kind: 'pass' };
    let cumulative = 0;
    for (const [kind, weight] of entries) {
      cumulative += weight;
      if (pick < cumulative) return kind === 'delay' ? { kind, ms: Math.round(minDelay + (maxDelay - minDelay) * spread) } : { kind };
    }
    return { kind: 'pass' };
  };
}

/** A fixed schedule: `faults[i]` for the i-th request the plan sees (counted from when it is set), then pass. */
export function scheduledFaults(faults: readonly Fault[]): FaultPlan {
  let seen = 0;
  return () => faults[seen++] ?? { kind: 'pass' };
}

const KINDS: readonly FaultKind[] = ['pass', 'delay', 'drop', 'reset', 'error500', 'throttle429'];
const OUTCOMES: readonly Outcome[] = ['passed', 'delayed', 'dropped', 'reset', 'error500', 'throttle429', 'cutOff', 'clientGone', 'upstreamError'];
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MAX_BODY_BYTES = 1 << 20;

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const maxHoldMs = options.maxHoldMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const startedAt = Date.now();
  const upstreamAgent = new Agent({ keepAlive: true, maxSockets: 16 });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let plan = options.plan ?? passAll;
  let offline = false;
  let offlineTimer: NodeJS.Timeout | undefined;
  let index = 0;
  let closing: Promise<void> | undefined;

  const stats: FaultProxyStats = {
    byOperation: {},
    byFault: Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>,
    byOutcome: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>,
    refusedConnections: 0,
    offlinePeriods: 0,
    refreshInFlight: 0,
    maxRefreshInFlight: 0,
    refreshRequests: 0,
  };

  /** A timer that close() clears; unref'd, so it never keeps the process alive. */
  function later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    timers.add(timer);
    return timer;
  }
  function cancel(timer: NodeJS.Timeout | undefined) {
    if (!timer) return;
    clearTimeout(timer);
    timers.delete(timer);
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket: Socket) => {
    if (offline || closing) {
      stats.refusedConnections += 1;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A reset or refused connection can make the parser complain; that is the point, not an error.
  server.on('clientError', (_error, socket) => socket.destroy());

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      req.socket.destroy();
      return;
    }
    const operation = operationOf(req);
    const authFlow = authFlowOf(body);
    const isRefresh = operation === 'GetTokensFromRefreshToken' || (operation === 'InitiateAuth' && authFlow === 'REFRESH_TOKEN_AUTH');
    const request: ProxiedRequest = { index: index++, operation, authFlow, isRefresh, elapsedMs: Date.now() - startedAt };
    stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1;
    if (isRefresh) {
      stats.refreshRequests += 1;
      stats.refreshInFlight += 1;
      stats.maxRefreshInFlight = Math.max(stats.maxRefreshInFlight, stats.refreshInFlight);
    }

    let outcome: Outcome | undefined;
    const settle = (value: Outcome) => {
      if (outcome) return;
      outcome = value;
      stats.byOutcome[value] += 1;
    };
    let hold: NodeJS.Timeout | undefined;
    // 'close' fires once the response is done or the connection is gone, whichever comes first.
    res.once('close', () => {
      cancel(hold);
      if (isRefresh) stats.refreshInFlight -= 1;
      if (!res.writableFinished) settle(offline ? 'cutOff' : 'clientGone');
    });

    const fault = plan(request);
    stats.byFault[fault.kind] += 1;
    switch (fault.kind) {
      case 'pass':
        return forward(req, res, body, 0, () => settle('passed'));
      case 'delay': {
        const ms = Math.min(Math.max(0, fault.ms), maxDelayMs);
        hold = later(Math.floor(ms / 2), () => {
          if (!res.destroyed) forward(req, res, body, ms - Math.floor(ms / 2), () => settle('delayed'));
        });
        return;
      }
      case 'drop':
        settle('dropped');
        hold = later(maxHoldMs, () => req.socket.destroy());
        return;
      case 'reset':
        settle('reset');
        req.socket.destroy();
        return;
      case 'error500':
        settle('error500');
        return sendError(res, 500, 'InternalErrorException', 'Injected internal error.');
      case 'throttle429':
        settle('throttle429');
        return sendError(res, 429, 'TooManyRequestsException', 'Injected rate exceeded.', true);
    }
  }

  /** Sends the request on to cognito-local and its answer back, `delayAfterMs` late. */
  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, delayAfterMs: number, done: () => void) {
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    delete headers.connection;
    const upstream = httpRequest(
      { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: upstreamAgent },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', () => res.destroy());
        answer.on('end', () => {
          const reply = () => {
            if (res.destroyed) return;
            const outHeaders = { ...answer.headers };
            delete outHeaders.connection;
            delete outHeaders['keep-alive'];
            delete outHeaders['transfer-encoding'];
            res.writeHead(answer.statusCode ?? 502, { ...outHeaders, 'content-length': String(Buffer.concat(chunks).length) });
            res.end(Buffer.concat(chunks), done);
          };
          if (delayAfterMs > 0) later(delayAfterMs, reply);
          else reply();
        });
      },
    );
    upstream.setTimeout(maxHoldMs, () => upstream.destroy(new Error('upstream timeout')));
    upstream.on('error', () => {
      if (res.destroyed || res.headersSent) return;
      sendError(res, 502, 'ProxyUpstreamError', 'cognito-local could not be reached.');
      stats.byOutcome.upstreamError += 1;
    });
    // The client gave up (its timeout): Cognito need not answer a request nobody waits for.
    res.once('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  }

  function setOffline(value: boolean, forMs?: number) {
    cancel(offlineTimer);
    offlineTimer = undefined;
    if (value && !offline) {
      stats.offlinePeriods += 1;
      offline = true;
      for (const socket of sockets) socket.destroy();
    }
    offline = value;
    if (value && forMs !== undefined) offlineTimer = later(forMs, () => setOffline(false));
  }

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      upstreamAgent.destroy();
    });
    return closing;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Self-stopping: a test that forgets close() still leaves nothing running for long.
  later(options.maxLifetimeMs ?? 5 * 60_000, () => void close());

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setPlan: (next) => {
      plan = next;
    },
    setOffline,
    get offline() {
      return offline;
    },
    close,
  };
}

function operationOf(req: IncomingMessage): string {
  const header = req.headers['x-amz-target'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 'other';
  return value.startsWith(TARGET_PREFIX) ? value.slice(TARGET_PREFIX.length) : value;
}

function authFlowOf(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { AuthFlow?: unknown };
    return typeof parsed.AuthFlow === 'string' ? parsed.AuthFlow : undefined;
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

function sendError(res: ServerResponse, status: number, type: string, message: string, typeHeader = false) {
  if (res.destroyed) return;
  const body = JSON.stringify({ __type: type, message });
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': String(Buffer.byteLength(body)),
    ...(typeHeader ? { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/` } : {}),
  });
  res.end(body);
}

import type { SimulatedClock } from 'xstate';
import type { RefreshLock, TabChannel, TabMessage } from '../../machines/index.js';

const MAX_MESSAGES = 10_000;

/**
 * Tabs in one process: what one posts, every other receives, asynchronously as with
 * BroadcastChannel. By default a message arrives within the same turn (a microtask); with a
 * `delivery` delay on a simulated clock it arrives that much later, after lock grants and
 * request answers of the meantime, as in a busy browser. The delay may be a function, asked once
 * per message and receiving tab: messages then arrive at varied times, but between two tabs
 * always in the order they were posted, as BroadcastChannel guarantees.
 */
export class InProcessTabHub {
  readonly #listeners = new Set<{ owner: object; listener: (message: TabMessage) => void }>();
  readonly posted: TabMessage[] = [];
  /** Per sender and receiver, when the last message posted between them arrives. */
  readonly #lastArrival = new Map<object, Map<object, number>>();

  constructor(private readonly delivery?: { clock: SimulatedClock; delayMs: number | ((message: TabMessage) => number) }) {}

  #deliver(from: object, to: object, message: TabMessage, send: () => void): void {
    if (!this.delivery) return queueMicrotask(send);
    const { clock, delayMs } = this.delivery;
    const delay = typeof delayMs === 'number' ? delayMs : delayMs(message);
    const arrivals = this.#lastArrival.get(from) ?? new Map<object, number>();
    this.#lastArrival.set(from, arrivals);
    const at = Math.max(clock.now() + delay, arrivals.get(to) ?? 0);
    arrivals.set(to, at);
    clock.setTimeout(send, at - clock.now());
  }

  channel(): TabChannel {
    const owner = {};
    return {
      post: (message) => {
        this.posted.push(message);
        // Tabs that echo each other's messages would loop on microtasks and hang the run: fail instead.
        if (this.posted.length > MAX_MESSAGES) throw new Error(`more than ${MAX_MESSAGES} tab messages: tabs are echoing each other`);
        for (const entry of this.#listeners) {
          if (entry.owner !== owner) this.#deliver(owner, entry, message, () => entry.listener(message));
        }
      },
      subscribe: (listener) => {
        const entry = { owner, listener };
        this.#listeners.add(entry);
        return () => this.#listeners.delete(entry);
      },
    };
  }
}

interface Waiter {
  grant(release: () => void): void;
  timer: number;
  /** Starts the waiter's countdown over: a new holder has the lock. */
  restart(): void;
}

/**
 * A Web Locks stand-in on simulated time: one holder, waiters served in order, and a waiter
 * steals the lock from a holder that has held it `timeoutMs` (+ the waiter's own spread), as
 * webLocksRefreshLock does: time held by the current holder counts, not time spent waiting.
 */
export class InProcessLock {
  #holder: symbol | null = null;
  readonly #queue: Waiter[] = [];
  /** The longest any acquire waited, in simulated ms. */
  longestWaitMs = 0;

  constructor(
    private readonly clock: SimulatedClock,
    private readonly timeoutMs: number,
    /** How long after a release the next waiter is granted the lock (Chromium: about 1 ms). */
    private readonly grantDelayMs = 0,
  ) {}

  /** A lock for one tab; `spread` (0–0.5) staggers its steal timeout like Math.random would. */
  forTab(spread: number): RefreshLock {
    return { acquire: (signal) => this.#acquire(signal, this.timeoutMs * (1 + spread)) };
  }

  /** Takes the lock and never gives it back: a tab that died or froze while holding it. */
  holdForever(): void {
    this.#take();
  }

  #take(): () => void {
    const token = Symbol('holder');
    this.#holder = token;
    for (const waiter of this.#queue) waiter.restart();
    return () => {
      if (this.#holder !== token) return;
      this.#holder = null;
      if (this.grantDelayMs === 0) this.#queue.shift()?.grant(this.#take());
      else this.clock.setTimeout(() => this.#grantNext(), this.grantDelayMs);
    };
  }

  #grantNext(): void {
    if (this.#holder !== null) return;
    this.#queue.shift()?.grant(this.#take());
  }

  #acquire(signal: AbortSignal, timeoutMs: number): Promise<() => void> {
    // As in Web Locks, a free lock goes to earlier requests first (those waiting out a grant delay).
    if (this.#holder === null && this.#queue.length === 0) return Promise.resolve(this.#take());
    const startedAt = this.clock.now();
    return new Promise((resolve, reject) => {
      const steal = () => {
        this.#queue.splice(this.#queue.indexOf(waiter), 1);
        waiter.grant(this.#take());
      };
      const waiter: Waiter = {
        grant: (release) => {
          this.clock.clearTimeout(waiter.timer);
          this.longestWaitMs = Math.max(this.longestWaitMs, this.clock.now() - startedAt);
          resolve(release);
        },
        timer: this.clock.setTimeout(steal, timeoutMs) as unknown as number,
        restart: () => {
          this.clock.clearTimeout(waiter.timer);
          waiter.timer = this.clock.setTimeout(steal, timeoutMs) as unknown as number;
        },
      };
      this.#queue.push(waiter);
      signal.addEventListener('abort', () => {
        const index = this.#queue.indexOf(waiter);
        if (index !== -1) this.#queue.splice(index, 1);
        this.clock.clearTimeout(waiter.timer);
        reject(signal.reason);
      });
    });
  }
}

/**
 * A fake of the Web Locks API (`navigator.locks`), for Node, which has none. It keeps the spec's
 * shapes (https://w3c.github.io/web-locks/): `request(name, options?, callback)` grants in request
 * order; `signal` withdraws a request still queued; `steal` rejects the holder's request promise
 * with an AbortError and grants the stealer at once; `query()` reports `held` and `pending` with
 * the `clientId` of the tab that asked. Only exclusive locks without `ifAvailable`: nothing here
 * uses more, and a test that tries gets an error rather than a guess.
 * Grants happen in microtasks and nothing sets a timer, so tests may count the timers a lock
 * user leaves behind.
 */
export class FakeLockManager implements LockManager {
  /** Lock managers for `count` tabs of one browser (clientIds `tab-0`…), sharing its locks. */
  static tabs(count: number): FakeLockManager[] {
    const browser = new LockBrowser();
    return Array.from({ length: count }, (_, index) => new FakeLockManager(`tab-${index}`, browser));
  }

  private constructor(
    readonly clientId: string,
    private readonly browser: LockBrowser,
  ) {}

  /** Every steal so far: who was robbed and how long it had held the lock, by `performance.now()`. */
  get steals(): readonly Steal[] {
    return this.browser.steals;
  }

  request<T>(name: string, callback: LockGrantedCallback<T>): Promise<Awaited<T>>;
  request<T>(name: string, options: LockOptions, callback: LockGrantedCallback<T>): Promise<Awaited<T>>;
  request<T>(
    name: string,
    optionsOrCallback: LockOptions | LockGrantedCallback<T>,
    maybeCallback?: LockGrantedCallback<T>,
  ): Promise<Awaited<T>> {
    const [options, callback] =
      typeof optionsOrCallback === 'function' ? [{}, optionsOrCallback] : [optionsOrCallback, maybeCallback];
    if (!callback) return Promise.reject(new TypeError('request() needs a callback'));
    if ((options.mode ?? 'exclusive') !== 'exclusive' || options.ifAvailable) {
      return Promise.reject(new Error('FakeLockManager supports exclusive locks without ifAvailable only'));
    }
    if (options.steal && options.signal) {
      return Promise.reject(new DOMException('steal and signal cannot be used together', 'NotSupportedError'));
    }
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Awaited<T>>((resolve, reject) => {
      const request: LockRequest = {
        name,
        clientId: this.clientId,
        grantedAt: 0,
        reject,
        grant: (lock) => {
          // Like a browser: the request's promise settles with the callback's result, and the
          // lock is released when that result settles (unless it was stolen before).
          const released = Promise.resolve().then(() => callback(lock));
          released.then(
            (value) => {
              this.browser.release(request);
              resolve(value as Awaited<T>);
            },
            (error: unknown) => {
              this.browser.release(request);
              reject(error);
            },
          );
        },
      };
      signal?.addEventListener('abort', () => this.browser.withdraw(request, signal.reason), { once: true });
      this.browser.enqueue(request, options.steal === true);
    });
  }

  async query(): Promise<LockManagerSnapshot> {
    const info = ({ name, clientId }: LockRequest): LockInfo => ({ name, mode: 'exclusive', clientId });
    return { held: [...this.browser.held.values()].map(info), pending: this.browser.queue.map(info) };
  }
}

export interface Steal {
  name: string;
  from: string;
  by: string;
  heldForMs: number;
}

interface LockRequest {
  name: string;
  clientId: string;
  grantedAt: number;
  grant(lock: Lock): void;
  reject(reason: unknown): void;
}

/** The browser's lock state, shared by its tabs: one holder per name and one queue. */
class LockBrowser {
  readonly held = new Map<string, LockRequest>();
  readonly queue: LockRequest[] = [];
  readonly steals: Steal[] = [];

  enqueue(request: LockRequest, steal: boolean): void {
    const holder = this.held.get(request.name);
    if (steal && holder) {
      this.held.delete(request.name);
      this.steals.push({ name: request.name, from: holder.clientId, by: request.clientId, heldForMs: performance.now() - holder.grantedAt });
      holder.reject(new DOMException('The lock was stolen', 'AbortError'));
    }
    if (steal) this.queue.unshift(request);
    else this.queue.push(request);
    this.#grantNext(request.name);
  }

  /** An aborted request leaves the queue and rejects; one already granted is not affected. */
  withdraw(request: LockRequest, reason: unknown): void {
    const index = this.queue.indexOf(request);
    if (index === -1) return;
    this.queue.splice(index, 1);
    request.reject(reason);
  }

  release(request: LockRequest): void {
    if (this.held.get(request.name) !== request) return;
    this.held.delete(request.name);
    this.#grantNext(request.name);
  }

  #grantNext(name: string): void {
    if (this.held.has(name)) return;
    const index = this.queue.findIndex((request) => request.name === name);
    const [next] = index === -1 ? [] : this.queue.splice(index, 1);
    if (!next) return;
    next.grantedAt = performance.now();
    this.held.set(name, next);
    next.grant({ name, mode: 'exclusive' });
  }
}

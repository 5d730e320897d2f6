import { authErrorMessage } from './lib/index.js';
import type { Auth } from '../machines/index.js';

export interface Note {
  id: number;
  title: string;
  body: string;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * The demo API (`/api/profile`, `/api/notes`, same origin) called through `auth.fetch`, which
 * carries the ID token, waits for a refresh in flight and retries once after a 401. Counts calls
 * and failures so the page (and the e2e test) can show that calls keep working across refreshes.
 */
export class DemoApi {
  profile = $state<Outcome<Record<string, unknown>> | null>(null);
  notes = $state<Outcome<Note[]> | null>(null);
  loading = $state(false);
  calls = $state(0);
  failures = $state(0);
  lastCallAt = $state<number | null>(null);
  readonly #auth: Auth;

  constructor(auth: Auth) {
    this.#auth = auth;
  }

  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    try {
      const [profile, notes] = await Promise.all([
        this.#get('/api/profile', (body) => body.claims as Record<string, unknown>),
        this.#get('/api/notes', (body) => body.notes as Note[]),
      ]);
      this.profile = profile;
      this.notes = notes;
      this.lastCallAt = Date.now();
    } finally {
      this.loading = false;
    }
  }

  async #get<T>(path: string, pick: (body: Record<string, unknown>) => T): Promise<Outcome<T>> {
    this.calls += 1;
    try {
      const response = await this.#auth.fetch(path);
      const body = (await response.json()) as Record<string, unknown>;
      if (response.ok) return { ok: true, data: pick(body) };
      this.failures += 1;
      return { ok: false, message: `${response.status}: ${String(body.message ?? response.statusText)}` };
    } catch (error) {
      this.failures += 1;
      return { ok: false, message: authErrorMessage(error) };
    }
  }
}

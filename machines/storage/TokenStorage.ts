/**
 * Where authchart keeps the session between page loads. The shape is Web Storage's, so
 * `localStorage`-like objects fit as they are. Calls are synchronous and may throw; authchart
 * handles a throw as documented for each tier.
 */
export interface TokenStorage {
  /** Shown to the app (session panel, events): `local`, `session`, `memory` or a custom name. */
  readonly kind: string;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

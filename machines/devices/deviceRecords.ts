import type { TokenStorage } from '../storage/TokenStorage.js';
import type { Session } from '../tokens/Session.js';

/** A device Cognito remembers for a user, with the secret that proves it is this one. */
export interface DeviceRecord {
  /** The user it belongs to (`sub`): never used for anyone else. */
  sub: string;
  deviceKey: string;
  deviceGroupKey: string;
  /** The device's random password (a secret, like a refresh token): its SRP verifier is Cognito's. */
  devicePassword: string;
}

interface StoredDeviceV1 extends DeviceRecord {
  version: 1;
}

/** The names a user may type to sign in (username and its aliases), from their ID token. */
const SIGN_IN_NAME_CLAIMS = ['cognito:username', 'email', 'phone_number', 'preferred_username'] as const;

const recordKey = (storageKey: string, sub: string) => `${storageKey}:device:${sub}`;
const nameKey = (storageKey: string, name: string) => `${storageKey}:deviceOf:${name}`;

/**
 * Device secrets live beside the session, in the same storage, per pool, client and user; they
 * outlive a sign-out (a remembered device outlives the session) and go with `forgetDevice`.
 * A sign-in only knows what the user typed, so each of the user's sign-in names points at
 * their `sub`; the record holds the `sub` too, so a name that now belongs to someone else
 * never lends them this user's device. Storage that throws or holds junk means no device.
 */
export function readDeviceFor(storage: TokenStorage, storageKey: string, name: string): DeviceRecord | null {
  const sub = tryRead(storage, nameKey(storageKey, name));
  return sub === null ? null : readDeviceOf(storage, storageKey, sub);
}

export function readDeviceOf(storage: TokenStorage, storageKey: string, sub: string): DeviceRecord | null {
  const raw = tryRead(storage, recordKey(storageKey, sub));
  if (raw === null) return null;
  const record = parseRecord(raw);
  return record?.sub === sub ? record : null;
}

/** Keeps the device for its user (`record.sub`), findable by each of `names`. */
export function storeDevice(storage: TokenStorage, storageKey: string, record: DeviceRecord, names: readonly string[]): void {
  const stored: StoredDeviceV1 = { version: 1, ...record };
  try {
    storage.setItem(recordKey(storageKey, record.sub), JSON.stringify(stored));
    for (const name of names) storage.setItem(nameKey(storageKey, name), record.sub);
  } catch {
    // Not remembered here: the next sign-in is a new device, as on another browser.
  }
}

/** The name leads to no device any more, if it led to `deviceKey`. */
export function forgetNameOf(storage: TokenStorage, storageKey: string, name: string, deviceKey: string): void {
  if (readDeviceFor(storage, storageKey, name)?.deviceKey !== deviceKey) return;
  try {
    storage.removeItem(nameKey(storageKey, name));
  } catch {
    // Storage that cannot be written: the pool refuses the key again, and it is asked again without it.
  }
}

/** Forgets the user's device secret; their names then lead nowhere. */
export function forgetDeviceOf(storage: TokenStorage, storageKey: string, sub: string): void {
  try {
    storage.removeItem(recordKey(storageKey, sub));
  } catch {
    // Storage that cannot be written could not have kept the record either.
  }
}

/** The names the session's user may sign in with: username and aliases, from the ID token. */
export function signInNamesOf(session: Session): string[] {
  const names = SIGN_IN_NAME_CLAIMS.map((claim) => session.idClaims[claim]).filter((name): name is string => typeof name === 'string' && name !== '');
  return [...new Set(names)];
}

function tryRead(storage: TokenStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function parseRecord(raw: string): DeviceRecord | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  const texts = ['sub', 'deviceKey', 'deviceGroupKey', 'devicePassword'] as const;
  if (record.version !== 1 || !texts.every((name) => typeof record[name] === 'string' && record[name] !== '')) {
    return null;
  }
  const { sub, deviceKey, deviceGroupKey, devicePassword } = record as unknown as StoredDeviceV1;
  return { sub, deviceKey, deviceGroupKey, devicePassword };
}

import { AuthError } from '../AuthError.js';
import type { Auth } from '../createAuth.js';
import type { WebAuthnCredentialDescription } from '../cognito/cognitoWire.js';
import { requireText } from '../validateInput.js';

/** A passkey registered for the signed-in user, as Cognito lists it. */
export interface Passkey {
  /** What `remove` takes. */
  id: string;
  /** The name Cognito gave it (from the authenticator, e.g. "Chrome on Mac"). */
  name: string;
  relyingPartyId: string;
  /** `platform` (this device) or `cross-platform` (a security key, a phone), when known. */
  attachment: string | null;
  transports: string[];
  /** When it was registered, ms since the epoch. */
  createdAt: number;
}

export interface Passkeys {
  /** Asks the browser for a new passkey and registers it with the user pool; `signal` gives up. */
  register(options?: { signal?: AbortSignal }): Promise<void>;
  list(): Promise<Passkey[]>;
  /** Removes a passkey from the account (the browser may still offer it; the pool refuses it). */
  remove(id: string): Promise<void>;
}

/**
 * The signed-in user's passkeys, from the `authchart/passkeys` entry: each request uses the auth's
 * access token (refreshed first when due) and its ports, including `createAuth`'s `passkeys`.
 * Needs the pool's passkey sign-in on (the Essentials tier and a relying party id).
 */
export function createPasskeys(auth: Auth): Passkeys {
  const { ports } = auth.actor.getSnapshot().context;

  async function accessToken(): Promise<string> {
    const tokens = await auth.getTokens();
    if (!tokens) throw new AuthError('notSignedIn', 'Sign in to manage passkeys.');
    return tokens.accessToken;
  }

  return {
    async register({ signal = new AbortController().signal } = {}) {
      if (!ports.passkeys) throw new AuthError('passkeyUnavailable', 'This browser cannot make passkeys.');
      const started = await ports.transport.call('StartWebAuthnRegistration', { AccessToken: await accessToken() }, { signal });
      if (!started.CredentialCreationOptions) throw new AuthError('invalidResponse', 'The user pool sent no passkey options.');
      const credential = await ports.passkeys.register(started.CredentialCreationOptions, signal);
      // The prompt may have lasted long enough for a refresh: the token is asked for again.
      await ports.transport.call('CompleteWebAuthnRegistration', { AccessToken: await accessToken(), Credential: credential }, { signal });
    },
    async list() {
      const token = await accessToken();
      const passkeys: Passkey[] = [];
      let nextToken: string | undefined;
      do {
        const page = await ports.transport.call('ListWebAuthnCredentials', { AccessToken: token, ...(nextToken ? { NextToken: nextToken } : {}) });
        passkeys.push(...(page.Credentials ?? []).map(toPasskey));
        nextToken = page.NextToken;
      } while (nextToken);
      return passkeys;
    },
    async remove(id) {
      const credentialId = requireText(id, 'the passkey to remove');
      try {
        await ports.transport.call('DeleteWebAuthnCredential', { AccessToken: await accessToken(), CredentialId: credentialId });
      } catch (error) {
        // Already gone (removed from another tab or device): what was asked for is true.
        if (error instanceof AuthError && error.cognitoName === 'ResourceNotFoundException') return;
        throw error;
      }
    },
  };
}

function toPasskey(description: WebAuthnCredentialDescription): Passkey {
  const created = description.CreatedAt;
  return {
    id: description.CredentialId ?? '',
    name: description.FriendlyCredentialName ?? '',
    relyingPartyId: description.RelyingPartyId ?? '',
    attachment: description.AuthenticatorAttachment ?? null,
    transports: description.AuthenticatorTransports ?? [],
    // Seconds on the wire; the SDK transport gives a Date.
    createdAt: created instanceof Date ? created.getTime() : (created ?? 0) * 1000,
  };
}

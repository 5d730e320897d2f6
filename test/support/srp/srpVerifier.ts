// A test fake of Cognito's side of SRP (cognito-local has none): it holds a salt and verifier per
// user, answers USER_SRP_AUTH with PASSWORD_VERIFIER and checks the password claim as the
// service does. Its shapes follow Cognito's API reference; the maths is SRP-6a, group 3072.
import { randomBytes, randomUUID } from 'node:crypto';
import { AuthError } from '../../../machines/index.js';
import { cognitoTimestamp } from '../../../machines/srp/passwordClaim.js';
import { bytesToHex, g, hexHash, hexToBytes, modPow, multiplier, N, padHex, sha256 } from '../../../machines/srp/srpGroup.js';

interface Account {
  /** USER_ID_FOR_SRP: the canonical username, whatever alias signed in. */
  userId: string;
  salt: bigint;
  verifier: bigint;
}

interface Pending {
  account: Account;
  A: bigint;
  b: bigint;
  B: bigint;
  secretBlock: string;
}

/** How far the claim's TIMESTAMP may be from the server's clock. */
const TIMESTAMP_SKEW_MS = 5 * 60_000;

const notAuthorized = (message = 'Incorrect username or password.') =>
  new AuthError('invalidCredentials', message, { operation: 'RespondToAuthChallenge', cognitoName: 'NotAuthorizedException' });

export class SrpVerifier {
  readonly #accounts = new Map<string, Account>();
  readonly #pending = new Map<string, Pending>();
  readonly poolName: string;

  constructor(
    userPoolId: string,
    private readonly now: () => number = Date.now,
  ) {
    this.poolName = userPoolId.split('_')[1]!;
  }

  /** Registers a user under `names` (username and aliases); `userId` is what SRP hashes. */
  async register(names: string[], password: string, userId = names[0]!): Promise<void> {
    const salt = BigInt(`0x${randomBytes(16).toString('hex')}`);
    const identity = await sha256(new TextEncoder().encode(`${this.poolName}${userId}:${password}`));
    const x = BigInt(`0x${await hexHash(padHex(salt) + bytesToHex(identity))}`);
    this.enrol(names, userId, salt, modPow(g, x, N));
  }

  /** Registers a salt and verifier made elsewhere: a device's, as ConfirmDevice hands them over. */
  enrol(names: string[], userId: string, salt: bigint, verifier: bigint): void {
    const account = { userId, salt, verifier };
    for (const name of names) this.#accounts.set(name, account);
  }

  /** InitiateAuth with SRP_A: the PASSWORD_VERIFIER challenge's parameters and a session. */
  async begin(username: string, srpA: string): Promise<{ session: string; parameters: Record<string, string> }> {
    const account = this.#accounts.get(username);
    if (!account) throw new AuthError('invalidCredentials', 'User does not exist.', { cognitoName: 'UserNotFoundException' });
    const A = BigInt(`0x${srpA}`);
    if (A % N === 0n) throw new AuthError('invalidRequest', 'Invalid SRP_A.', { cognitoName: 'InvalidParameterException' });
    const b = BigInt(`0x${randomBytes(128).toString('hex')}`);
    const B = ((await multiplier()) * account.verifier + modPow(g, b, N)) % N;
    const secretBlock = randomBytes(48).toString('base64');
    const session = randomUUID();
    this.#pending.set(session, { account, A, b, B, secretBlock });
    return {
      session,
      parameters: {
        SALT: account.salt.toString(16),
        SRP_B: B.toString(16),
        SECRET_BLOCK: secretBlock,
        USER_ID_FOR_SRP: account.userId,
        USERNAME: account.userId,
      },
    };
  }

  /** RespondToAuthChallenge PASSWORD_VERIFIER: the user's id when the claim proves the password. */
  async verify(session: string | undefined, responses: Record<string, string>): Promise<string> {
    const pending = session ? this.#pending.get(session) : undefined;
    if (!pending) throw notAuthorized('Invalid session for the user.');
    this.#pending.delete(session!);
    const { account, A, b, B, secretBlock } = pending;
    const timestamp = responses['TIMESTAMP'] ?? '';
    const sent = Date.parse(timestamp.replace(' UTC ', ' ') + ' UTC');
    if (cognitoTimestamp(new Date(sent)) !== timestamp || Math.abs(sent - this.now()) > TIMESTAMP_SKEW_MS) {
      throw notAuthorized('Invalid timestamp.');
    }
    if (responses['USERNAME'] !== account.userId || responses['PASSWORD_CLAIM_SECRET_BLOCK'] !== secretBlock) throw notAuthorized();
    const u = BigInt(`0x${await hexHash(padHex(A) + padHex(B))}`);
    const S = modPow(A * modPow(account.verifier, u, N), b, N);
    const ikm = await crypto.subtle.importKey('raw', hexToBytes(padHex(S)), 'HKDF', false, ['deriveBits']);
    const info = new TextEncoder().encode('Caldera Derived Key');
    const key = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: hexToBytes(padHex(u)), info }, ikm, 128);
    const message = Buffer.concat([
      Buffer.from(this.poolName),
      Buffer.from(account.userId),
      Buffer.from(secretBlock, 'base64'),
      Buffer.from(timestamp),
    ]);
    const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const expected = Buffer.from(await crypto.subtle.sign('HMAC', hmac, message)).toString('base64');
    if (responses['PASSWORD_CLAIM_SIGNATURE'] !== expected) throw notAuthorized();
    return account.userId;
  }
}

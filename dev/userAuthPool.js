// @ts-check
// A user pool for what cognito-local lacks: choice-based sign-in (InitiateAuth USER_AUTH with
// SELECT_CHALLENGE, EMAIL_OTP, SMS_OTP, WEB_AUTHN, PASSWORD, PASSWORD_SRP) and passkey management.
// A fake, named so: its JSON follows Cognito's API reference, one page per operation, at
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_<Operation>.html
// (API_InitiateAuth.html, API_RespondToAuthChallenge.html, API_StartWebAuthnRegistration.html…);
// passkey ceremonies are checked by @simplewebauthn/server, not by hand. Used in-process by Node
// tests (test/support/passkeys/userAuthCognito.ts) and behind HTTP in the dev world (userAuthFront.js).
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { signJwt, verifiedClaims } from './signingKey.js';

/**
 * @typedef {object} PoolUser
 * @property {string} username
 * @property {string} sub
 * @property {string} [email]         offers EMAIL_OTP
 * @property {string} [phone_number]  offers SMS_OTP
 * @property {string} [password]      offers PASSWORD (and PASSWORD_SRP with an `srp` port)
 */

/**
 * Cognito's side of SRP: test/support/srp/srpVerifier.ts in tests. Its errors carry `cognitoName`.
 * @typedef {object} SrpPort
 * @property {(username: string, srpA: string) => Promise<{ session: string, parameters: Record<string, string> }>} begin
 * @property {(session: string, responses: Record<string, string>) => Promise<string>} verify
 */

/**
 * Another pool's answer to an operation (the dev world: cognito-local, for PASSWORD as
 * USER_PASSWORD_AUTH). Rejects with a UserAuthPoolError.
 * @typedef {(operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>} Delegate
 */

/**
 * @typedef {object} UserAuthPoolOptions
 * @property {string} issuer  the tokens' `iss`: `${endpoint}/${userPoolId}`
 * @property {string} clientId  the app client it answers
 * @property {Record<string, unknown>} signingKey  a private RS256 JWK with a `kid`; access tokens it verifies must be signed with it
 * @property {PoolUser[]} users
 * @property {string[]} origins  the pages WebAuthn ceremonies may come from
 * @property {string} rpId  the relying party: the app's hostname, never an IP address
 * @property {string} [rpName]
 * @property {number} [tokenSeconds]  ID and access token lifetime; default 3600 (Cognito's)
 * @property {() => number} [now]  the clock, in ms
 * @property {Delegate} [delegate]  who checks PASSWORD and issues its tokens; default: the user's own `password`, here
 * @property {SrpPort} [srp]  offers PASSWORD_SRP to users with a password
 * @property {(username: string, code: string, destination: string) => void} [onCode]  where a "sent" code goes besides the outbox
 */

/** An error as Cognito answers it: `name` is its `__type`. */
export class UserAuthPoolError extends Error {
  /** @param {string} name @param {string} message */
  constructor(name, message) {
    super(message);
    this.name = name;
    this.status = 400;
  }
}

// Challenge sessions live 3 minutes by default and are used once (the API reference, Session).
const SESSION_MS = 3 * 60_000;
// How long a StartWebAuthnRegistration challenge may wait for its completion (our choice).
const REGISTRATION_MS = 5 * 60_000;
const SESSION_PREFIX = 'userAuthPool.';
// Cognito's refresh tokens are JWEs; ours have a header of their own, so the front can tell them
// from cognito-local's, and anything that redacts `eyJ…` tokens redacts them too.
const REFRESH_PREFIX = `${base64url(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP', kid: 'userAuthPool' }))}.`;
const WEBAUTHN_OPERATIONS = ['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration', 'ListWebAuthnCredentials', 'DeleteWebAuthnCredential'];
const MAX_LISTED = 20;

/** @param {string} name @param {string} message */
const fail = (name, message) => new UserAuthPoolError(name, message);
const invalidSession = () => fail('NotAuthorizedException', 'Invalid session for the user.');

/** @param {UserAuthPoolOptions} options */
export function createUserAuthPool(options) {
  const now = options.now ?? Date.now;
  const tokenSeconds = options.tokenSeconds ?? 3600;
  /** @type {Map<string, { username: string, challengeName: string, expiresAt: number, available?: string[], code?: string, challenge?: string, srpSession?: string }>} */
  const sessions = new Map();
  /** @type {Map<string, { username: string, clientId: string, authTime: number, originJti: string }>} */
  const refreshTokens = new Map();
  const revokedOrigins = new Set();
  /** @type {Map<string, string>} */
  const outbox = new Map();
  /** @type {Map<string, { challenge: string, expiresAt: number }>} */
  const registrations = new Map();
  /** @type {Map<string, { id: string, publicKey: Uint8Array<ArrayBuffer>, counter: number, transports: string[], attachment?: string, createdAt: number }[]>} */
  const passkeys = new Map(options.users.map((user) => [user.username, []]));

  /** @param {unknown} username */
  function userNamed(username) {
    if (typeof username !== 'string' || username === '') throw fail('InvalidParameterException', 'Missing required parameter USERNAME');
    const user = options.users.find((candidate) => candidate.username === username);
    if (!user) throw fail('UserNotFoundException', 'User does not exist.');
    return user;
  }

  /** @param {unknown} clientId */
  function checkClient(clientId) {
    if (clientId !== options.clientId) throw fail('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  }

  /** What this user can sign in with first: AvailableChallenges. @param {PoolUser} user */
  function availableChallenges(user) {
    const hasPassword = user.password !== undefined || options.delegate !== undefined;
    return [
      ...(hasPassword ? ['PASSWORD'] : []),
      ...(user.password !== undefined && options.srp ? ['PASSWORD_SRP'] : []),
      ...(user.email ? ['EMAIL_OTP'] : []),
      ...(user.phone_number ? ['SMS_OTP'] : []),
      ...(passkeysOf(user).length > 0 ? ['WEB_AUTHN'] : []),
    ];
  }

  /** @param {PoolUser} user */
  function passkeysOf(user) {
    return /** @type {NonNullable<ReturnType<typeof passkeys.get>>} */ (passkeys.get(user.username));
  }

  /**
   * A challenge for the client, with a one-use Session that remembers what it waits for.
   * @param {PoolUser} user @param {string} challengeName @param {Record<string, string>} parameters
   * @param {{ available?: string[], code?: string, challenge?: string, srpSession?: string }} [state]
   */
  function challenge(user, challengeName, parameters, state = {}) {
    const session = `${SESSION_PREFIX}${randomBytes(48).toString('base64url')}`;
    sessions.set(session, { ...state, username: user.username, challengeName, expiresAt: now() + SESSION_MS });
    return {
      ChallengeName: challengeName,
      Session: session,
      ChallengeParameters: parameters,
      ...(state.available ? { AvailableChallenges: state.available } : {}),
    };
  }

  /**
   * The first factor chosen (PREFERRED_CHALLENGE or SELECT_CHALLENGE's ANSWER), with what the
   * choice needs alongside it (PASSWORD, SRP_A).
   * @param {PoolUser} user @param {string} choice @param {Record<string, string>} parameters
   */
  async function begin(user, choice, parameters) {
    switch (choice) {
      case 'PASSWORD':
        return passwordSignIn(user, required(parameters, 'PASSWORD'));
      case 'PASSWORD_SRP': {
        const srp = /** @type {SrpPort} */ (options.srp);
        const { session, parameters: verifierParameters } = await srpAnswer(() => srp.begin(user.username, required(parameters, 'SRP_A')));
        return challenge(user, 'PASSWORD_VERIFIER', verifierParameters, { srpSession: session });
      }
      case 'EMAIL_OTP':
        return sendCode(user, 'EMAIL', maskEmail(/** @type {string} */ (user.email)));
      case 'SMS_OTP':
        return sendCode(user, 'SMS', maskPhone(/** @type {string} */ (user.phone_number)));
      case 'WEB_AUTHN': {
        const requestChallenge = randomBytes(32).toString('base64url');
        const requestOptions = {
          challenge: requestChallenge,
          timeout: SESSION_MS,
          rpId: options.rpId,
          allowCredentials: passkeysOf(user).map(({ id, transports }) => ({ id, type: 'public-key', transports })),
          userVerification: 'preferred',
        };
        return challenge(user, 'WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(requestOptions) }, { challenge: requestChallenge });
      }
      default:
        throw fail('InvalidParameterException', `${choice} is not a first factor this user can use.`);
    }
  }

  /** @param {PoolUser} user @param {string} password */
  async function passwordSignIn(user, password) {
    if (options.delegate) {
      const input = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: options.clientId, AuthParameters: { USERNAME: user.username, PASSWORD: password } };
      return options.delegate('InitiateAuth', input);
    }
    if (password !== user.password) throw fail('NotAuthorizedException', 'Incorrect username or password.');
    return signIn(user);
  }

  /** @param {PoolUser} user @param {'EMAIL' | 'SMS'} medium @param {string} destination */
  function sendCode(user, medium, destination) {
    // Passwordless sign-in codes have 8 digits (6 are MFA's).
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    outbox.set(user.username, code);
    options.onCode?.(user.username, code, destination);
    const parameters = { CODE_DELIVERY_DELIVERY_MEDIUM: medium, CODE_DELIVERY_DESTINATION: destination };
    return challenge(user, `${medium}_OTP`, parameters, { code });
  }

  /** Tokens for a sign-in: a new refresh token, whose grant later refreshes keep. @param {PoolUser} user */
  function signIn(user) {
    const grant = { username: user.username, clientId: options.clientId, authTime: Math.floor(now() / 1000), originJti: randomUUID() };
    const refreshToken = `${REFRESH_PREFIX}${[1, 2, 3, 4].map(() => randomBytes(24).toString('base64url')).join('.')}`;
    refreshTokens.set(refreshToken, grant);
    return { AuthenticationResult: { ...tokens(user, grant), RefreshToken: refreshToken } };
  }

  /**
   * ID and access tokens with Cognito's claims (developer guide: "Understanding user pool JSON web tokens").
   * @param {PoolUser} user @param {{ clientId: string, authTime: number, originJti: string }} grant
   */
  function tokens(user, grant) {
    const iat = Math.floor(now() / 1000);
    const common = { sub: user.sub, iss: options.issuer, origin_jti: grant.originJti, auth_time: grant.authTime, iat, exp: iat + tokenSeconds };
    const access = { ...common, client_id: grant.clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', username: user.username, jti: randomUUID() };
    const id = {
      ...common,
      aud: grant.clientId,
      token_use: 'id',
      'cognito:username': user.username,
      jti: randomUUID(),
      ...(user.email ? { email: user.email, email_verified: true } : {}),
      ...(user.phone_number ? { phone_number: user.phone_number, phone_number_verified: true } : {}),
    };
    return { AccessToken: signJwt(access, options.signingKey), IdToken: signJwt(id, options.signingKey), ExpiresIn: tokenSeconds, TokenType: 'Bearer' };
  }

  /** REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken: new ID and access tokens, same refresh token. @param {unknown} token @param {unknown} clientId */
  function refresh(token, clientId) {
    const grant = typeof token === 'string' ? refreshTokens.get(token) : undefined;
    if (!grant || grant.clientId !== clientId) throw fail('NotAuthorizedException', 'Invalid Refresh Token');
    return { AuthenticationResult: tokens(userNamed(grant.username), grant) };
  }

  /** The user an access token of this pool (or one signed with its key) names. @param {unknown} token */
  function userOfAccessToken(token) {
    const claims = typeof token === 'string' ? verifiedClaims(token, options.signingKey) : null;
    if (!claims || claims['token_use'] !== 'access' || claims['iss'] !== options.issuer) throw fail('NotAuthorizedException', 'Invalid Access Token');
    if (typeof claims['exp'] !== 'number' || claims['exp'] * 1000 <= now()) throw fail('NotAuthorizedException', 'Access Token has expired');
    if (revokedOrigins.has(claims['origin_jti'])) throw fail('NotAuthorizedException', 'Access Token has been revoked');
    return userNamed(claims['username']);
  }

  /** @param {Record<string, any>} input */
  async function initiateAuth(input) {
    checkClient(input['ClientId']);
    const parameters = input['AuthParameters'] ?? {};
    if (input['AuthFlow'] === 'REFRESH_TOKEN_AUTH' || input['AuthFlow'] === 'REFRESH_TOKEN') return refresh(parameters['REFRESH_TOKEN'], input['ClientId']);
    if (input['AuthFlow'] !== 'USER_AUTH') throw fail('InvalidParameterException', `${input['AuthFlow']} is not answered here; this pool answers USER_AUTH.`);
    const user = userNamed(parameters['USERNAME']);
    const available = availableChallenges(user);
    // Without a preference, or with one this user cannot use, the user chooses (the API reference
    // describes the first case; Amplify's sign-in guide the fallback of the second).
    const preferred = parameters['PREFERRED_CHALLENGE'];
    if (available.includes(preferred)) return begin(user, preferred, parameters);
    return challenge(user, 'SELECT_CHALLENGE', {}, { available });
  }

  /** @param {Record<string, any>} input */
  async function respondToAuthChallenge(input) {
    checkClient(input['ClientId']);
    const session = input['Session'];
    const state = typeof session === 'string' ? sessions.get(session) : undefined;
    if (!state || state.expiresAt <= now()) throw invalidSession();
    const responses = input['ChallengeResponses'] ?? {};
    if (input['ChallengeName'] !== state.challengeName) throw fail('InvalidParameterException', `This session waits for ${state.challengeName}, not ${input['ChallengeName']}.`);
    if (responses['USERNAME'] !== state.username) throw fail('InvalidParameterException', 'USERNAME does not match the session.');
    const user = userNamed(state.username);
    if (state.code !== undefined) {
      // A wrong code leaves the session usable until it expires, so the user can type it again.
      if (responses[`${state.challengeName}_CODE`] !== state.code) throw fail('CodeMismatchException', 'Invalid code received for user');
      sessions.delete(session);
      outbox.delete(user.username);
      return signIn(user);
    }
    sessions.delete(session);
    switch (state.challengeName) {
      case 'SELECT_CHALLENGE': {
        const answer = responses['ANSWER'];
        if (!state.available?.includes(answer)) throw fail('InvalidParameterException', 'ANSWER is not one of the AvailableChallenges.');
        return begin(user, answer, responses);
      }
      case 'PASSWORD_VERIFIER': {
        const srp = /** @type {SrpPort} */ (options.srp);
        await srpAnswer(() => srp.verify(/** @type {string} */ (state.srpSession), responses));
        return signIn(user);
      }
      default:
        await verifyAssertion(user, /** @type {string} */ (state.challenge), responses['CREDENTIAL']);
        return signIn(user);
    }
  }

  /** WEB_AUTHN's CREDENTIAL: AuthenticationResponseJSON as a string. @param {PoolUser} user @param {string} expectedChallenge @param {unknown} credential */
  async function verifyAssertion(user, expectedChallenge, credential) {
    const response = parseJson(credential, 'CREDENTIAL');
    const passkey = passkeysOf(user).find((candidate) => candidate.id === response?.id);
    const userHandle = response?.response?.userHandle;
    const refused = fail('NotAuthorizedException', 'The passkey could not be verified.');
    if (!passkey || (userHandle !== undefined && userHandle !== base64url(user.sub))) throw refused;
    try {
      const { verified, authenticationInfo } = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: options.origins,
        expectedRPID: options.rpId,
        credential: { id: passkey.id, publicKey: passkey.publicKey, counter: passkey.counter },
        requireUserVerification: false,
      });
      if (!verified) throw refused;
      passkey.counter = authenticationInfo.newCounter;
    } catch {
      throw refused;
    }
  }

  /** @param {Record<string, any>} input */
  function startWebAuthnRegistration(input) {
    const user = userOfAccessToken(input['AccessToken']);
    const registrationChallenge = randomBytes(32).toString('base64url');
    registrations.set(user.username, { challenge: registrationChallenge, expiresAt: now() + REGISTRATION_MS });
    const creationOptions = {
      rp: { id: options.rpId, name: options.rpName ?? options.rpId },
      user: { id: base64url(user.sub), name: user.username, displayName: user.username },
      challenge: registrationChallenge,
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      timeout: REGISTRATION_MS,
      excludeCredentials: passkeysOf(user).map(({ id, transports }) => ({ id, type: 'public-key', transports })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    };
    return { CredentialCreationOptions: creationOptions };
  }

  /** @param {Record<string, any>} input */
  async function completeWebAuthnRegistration(input) {
    const user = userOfAccessToken(input['AccessToken']);
    const pending = registrations.get(user.username);
    registrations.delete(user.username);
    const credential = input['Credential'];
    const clientData = parseJson(fromBase64url(credential?.response?.clientDataJSON), 'Credential.response.clientDataJSON');
    if (!pending || pending.expiresAt <= now() || clientData?.challenge !== pending.challenge) {
      throw fail('WebAuthnChallengeNotFoundException', 'The registration challenge was not found or has expired.');
    }
    if (!options.origins.includes(clientData?.origin)) throw fail('WebAuthnOriginNotAllowedException', 'The credential was made on an origin the pool does not allow.');
    let info;
    try {
      const verification = await verifyRegistrationResponse({
        response: credential,
        expectedChallenge: pending.challenge,
        expectedOrigin: options.origins,
        expectedRPID: options.rpId,
        requireUserVerification: false,
      });
      info = verification.verified ? verification.registrationInfo : undefined;
    } catch {
      info = undefined;
    }
    if (!info) throw fail('InvalidParameterException', 'The credential could not be verified.');
    passkeysOf(user).push({
      id: info.credential.id,
      publicKey: info.credential.publicKey,
      counter: info.credential.counter,
      transports: Array.isArray(credential.response.transports) ? credential.response.transports : [],
      ...(typeof credential.authenticatorAttachment === 'string' ? { attachment: credential.authenticatorAttachment } : {}),
      createdAt: Math.floor(now() / 1000),
    });
    return {};
  }

  /** Pages of at most MaxResults (default and most: 20); NextToken is the next offset, opaque. @param {Record<string, any>} input */
  function listWebAuthnCredentials(input) {
    const all = passkeysOf(userOfAccessToken(input['AccessToken']));
    const max = input['MaxResults'] ?? MAX_LISTED;
    if (!Number.isInteger(max) || max < 1 || max > MAX_LISTED) throw fail('InvalidParameterException', `MaxResults must be between 1 and ${MAX_LISTED}.`);
    const start = input['NextToken'] === undefined ? 0 : Number(fromBase64url(input['NextToken']));
    if (!Number.isInteger(start) || start < 0) throw fail('InvalidParameterException', 'Invalid NextToken.');
    const credentials = all.slice(start, start + max).map((passkey) => ({
      CredentialId: passkey.id,
      // Cognito names a passkey after its authenticator; this pool knows none.
      FriendlyCredentialName: 'Passkey',
      RelyingPartyId: options.rpId,
      ...(passkey.attachment ? { AuthenticatorAttachment: passkey.attachment } : {}),
      AuthenticatorTransports: passkey.transports,
      CreatedAt: passkey.createdAt,
    }));
    return { Credentials: credentials, ...(start + max < all.length ? { NextToken: base64url(String(start + max)) } : {}) };
  }

  /** @param {Record<string, any>} input */
  function deleteWebAuthnCredential(input) {
    const all = passkeysOf(userOfAccessToken(input['AccessToken']));
    const index = all.findIndex((passkey) => passkey.id === input['CredentialId']);
    if (index === -1) throw fail('ResourceNotFoundException', 'Credential not found.');
    all.splice(index, 1);
    return {};
  }

  /** @param {Record<string, any>} input */
  function revokeToken(input) {
    checkClient(input['ClientId']);
    const grant = refreshTokens.get(input['Token']);
    if (!grant) throw fail('UnsupportedTokenTypeException', 'The token is not a refresh token of this pool.');
    // Revoking a refresh token revokes the access tokens issued from it, for Cognito's own APIs.
    refreshTokens.delete(input['Token']);
    revokedOrigins.add(grant.originJti);
    return {};
  }

  /** @type {Record<string, (input: Record<string, any>) => unknown>} */
  const operations = {
    InitiateAuth: initiateAuth,
    RespondToAuthChallenge: respondToAuthChallenge,
    GetTokensFromRefreshToken: (input) => refresh(input['RefreshToken'], input['ClientId']),
    RevokeToken: revokeToken,
    StartWebAuthnRegistration: startWebAuthnRegistration,
    CompleteWebAuthnRegistration: completeWebAuthnRegistration,
    ListWebAuthnCredentials: listWebAuthnCredentials,
    DeleteWebAuthnCredential: deleteWebAuthnCredential,
  };

  return {
    /**
     * One operation's answer, or a UserAuthPoolError as Cognito would name it.
     * @param {string} operation @param {Record<string, any>} input
     * @returns {Promise<Record<string, unknown>>}
     */
    async call(operation, input) {
      const operate = operations[operation];
      if (!operate) throw fail('UnknownOperationException', `${operation} is not answered by this pool.`);
      return /** @type {Record<string, unknown>} */ (await operate(input));
    },

    /**
     * Whether a request is this pool's to answer: USER_AUTH, its own sessions and refresh
     * tokens, the passkey operations. The front forwards everything else.
     * @param {string} operation @param {Record<string, any>} input
     */
    answers(operation, input) {
      if (WEBAUTHN_OPERATIONS.includes(operation)) return true;
      const ownRefreshToken = (/** @type {unknown} */ token) => typeof token === 'string' && token.startsWith(REFRESH_PREFIX);
      switch (operation) {
        case 'InitiateAuth':
          return input['AuthFlow'] === 'USER_AUTH' || ownRefreshToken(input['AuthParameters']?.['REFRESH_TOKEN']);
        case 'RespondToAuthChallenge':
          return typeof input['Session'] === 'string' && input['Session'].startsWith(SESSION_PREFIX);
        case 'GetTokensFromRefreshToken':
          return ownRefreshToken(input['RefreshToken']);
        case 'RevokeToken':
          return ownRefreshToken(input['Token']);
        default:
          return false;
      }
    },

    /** The last one-time code "sent" to a user and not used yet. @param {string} username */
    lastCode(username) {
      return outbox.get(username);
    },
  };
}

/** @param {Record<string, string>} parameters @param {string} name */
function required(parameters, name) {
  const value = parameters[name];
  if (typeof value !== 'string' || value === '') throw fail('InvalidParameterException', `Missing required parameter ${name}`);
  return value;
}

/** Runs the SRP port, turning its Cognito-named errors into this pool's. @template T @param {() => Promise<T>} step */
async function srpAnswer(step) {
  try {
    return await step();
  } catch (error) {
    const name = /** @type {{ cognitoName?: unknown }} */ (error).cognitoName;
    if (typeof name !== 'string') throw error;
    throw fail(name, /** @type {Error} */ (error).message);
  }
}

/** @param {unknown} text @param {string} what @returns {any} */
function parseJson(text, what) {
  try {
    return JSON.parse(/** @type {string} */ (text));
  } catch {
    throw fail('InvalidParameterException', `${what} is not JSON.`);
  }
}

/** How Cognito shows where a code went: `d***@e***`. @param {string} email */
function maskEmail(email) {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

/** `+*******0100`: the last four digits only. @param {string} phone */
function maskPhone(phone) {
  return `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`;
}

/** @param {string} text */
function base64url(text) {
  return Buffer.from(text).toString('base64url');
}

/** @param {unknown} text */
function fromBase64url(text) {
  return typeof text === 'string' ? Buffer.from(text, 'base64url').toString() : '';
}

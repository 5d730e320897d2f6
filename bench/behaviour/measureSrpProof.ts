import { createRequire } from 'node:module';
import { passwordClaim } from '../../machines/srp/passwordClaim.js';
import { startSrp } from '../../machines/srp/startSrp.js';
import { SrpVerifier } from '../../test/support/srp/srpVerifier.js';
import { median } from '../support/stats.js';

export interface SrpProofResult {
  runs: number;
  /** Median ms from the PASSWORD_VERIFIER challenge in hand to the answer, per library. */
  authchartMs: number;
  cognitoIdentityJsMs: number;
  amplifyMs: number;
}

const POOL_ID = 'us-east-1_BenchPool1';
const POOL_NAME = 'BenchPool1';
const PASSWORD = 'Bench-passw0rd!';
const WARMUP_RUNS = 3;

const require = createRequire(import.meta.url);
type Big = object;
const BigInteger = (require('amazon-cognito-identity-js/lib/BigInteger.js') as { default: new (hex: string, radix: number) => Big }).default;
const ReferenceHelper = (
  require('amazon-cognito-identity-js/lib/AuthenticationHelper.js') as {
    default: new (poolName: string) => {
      getPasswordAuthenticationKey(u: string, p: string, B: Big, salt: Big, callback: (error: unknown, key: Uint8Array) => void): void;
    };
  }
).default;
const { Sha256 } = require('@aws-crypto/sha256-js') as {
  Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array };
};

/** Amplify v6's SRP helpers are internal: required by file (its CommonJS build) from bench/node_modules. */
function amplifySrp() {
  const base = new URL('../node_modules/@aws-amplify/auth/dist/cjs/providers/cognito/utils/srp/', import.meta.url).pathname;
  const load = (file: string) => require(`${base}${file}`) as Record<string, unknown>;
  return {
    getAuthenticationHelper: load('getAuthenticationHelper.js')['getAuthenticationHelper'] as (poolName: string) => Promise<AmplifyHelper>,
    getSignatureString: load('getSignatureString.js')['getSignatureString'] as (input: object) => string,
    getNowString: load('getNowString.js')['getNowString'] as () => string,
    AmplifyBigInteger: load('BigInteger/BigInteger.js')['default'] as new (hex: string, radix: number) => Big,
  };
}

interface AmplifyHelper {
  getPasswordAuthenticationKey(input: { username: string; password: string; serverBValue: Big; salt: Big }): Promise<Uint8Array>;
}

/**
 * The client's work on PASSWORD_VERIFIER (u, x, S, the HKDF key, the signature), timed from the
 * challenge in hand to the answer ready, for authchart, amazon-cognito-identity-js and Amplify v6
 * on the same challenges from the test verifier. Each run starts a fresh client (its `A` is
 * computed before the clock starts, as at InitiateAuth).
 */
export async function measureSrpProof(runs = 30): Promise<SrpProofResult> {
  const verifier = new SrpVerifier(POOL_ID);
  await verifier.register(['bench'], PASSWORD);
  const amplify = amplifySrp();
  const times = { authchart: [] as number[], cognitoIdentityJs: [] as number[], amplify: [] as number[] };

  for (let run = 0; run < WARMUP_RUNS + runs; run++) {
    const secret = startSrp();
    const { parameters } = await verifier.begin('bench', secret.A.toString(16));
    const { SRP_B: srpB = '', SALT: salt = '', SECRET_BLOCK: secretBlock = '' } = parameters;
    const keep = (list: number[], ms: number) => run >= WARMUP_RUNS && list.push(ms);

    let started = performance.now();
    await passwordClaim({ realm: POOL_NAME, password: PASSWORD, secret, parameters, username: 'bench', now: Date.now() });
    keep(times.authchart, performance.now() - started);

    const reference = new ReferenceHelper(POOL_NAME);
    started = performance.now();
    await new Promise<void>((resolve, reject) =>
      reference.getPasswordAuthenticationKey('bench', PASSWORD, new BigInteger(srpB, 16), new BigInteger(salt, 16), (error, key) => {
        if (error) return reject(error);
        const hmac = new Sha256(key);
        hmac.update(Buffer.concat([Buffer.from(POOL_NAME), Buffer.from('bench'), Buffer.from(secretBlock, 'base64'), Buffer.from('now')]));
        hmac.digestSync();
        resolve();
      }),
    );
    keep(times.cognitoIdentityJs, performance.now() - started);

    const helper = await amplify.getAuthenticationHelper(POOL_NAME);
    started = performance.now();
    const hkdf = await helper.getPasswordAuthenticationKey({
      username: 'bench',
      password: PASSWORD,
      serverBValue: new amplify.AmplifyBigInteger(srpB, 16),
      salt: new amplify.AmplifyBigInteger(salt, 16),
    });
    amplify.getSignatureString({ userPoolName: POOL_NAME, username: 'bench', challengeParameters: parameters, dateNow: amplify.getNowString(), hkdf });
    keep(times.amplify, performance.now() - started);
  }
  return {
    runs,
    authchartMs: median(times.authchart),
    cognitoIdentityJsMs: median(times.cognitoIdentityJs),
    amplifyMs: median(times.amplify),
  };
}

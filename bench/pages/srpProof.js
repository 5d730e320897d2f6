// @ts-nocheck -- bench/node_modules (the reference clients) is installed on first `npm run bench` only.
// The client's PASSWORD_VERIFIER work in chromium, for authchart, amazon-cognito-identity-js and
// Amplify v6 on the same challenges: `window.srpProof(runs)` resolves with the median ms of each.
// The challenges are random group elements, as costly to answer as a real server's.
import './defineGlobal.js';
import { Sha256 } from '@aws-crypto/sha256-js';
import ReferenceBigInteger from 'amazon-cognito-identity-js/es/BigInteger.js';
import ReferenceHelper from 'amazon-cognito-identity-js/es/AuthenticationHelper.js';
import { passwordClaim } from '../../machines/srp/passwordClaim.js';
import { startSrp } from '../../machines/srp/startSrp.js';
import { N } from '../../machines/srp/srpGroup.js';
import AmplifyBigInteger from '../node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/srp/BigInteger/BigInteger.mjs';
import { getAuthenticationHelper } from '../node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/srp/getAuthenticationHelper.mjs';
import { getNowString } from '../node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/srp/getNowString.mjs';
import { getSignatureString } from '../node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/srp/getSignatureString.mjs';
import { median } from '../support/stats.js';

const POOL_NAME = 'BenchPool1';
const PASSWORD = 'Bench-passw0rd!';
const WARMUP_RUNS = 3;

function randomHex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function challenge() {
  return {
    SRP_B: (BigInt(`0x${randomHex(384)}`) % N).toString(16),
    SALT: randomHex(16),
    SECRET_BLOCK: btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(48)))),
    USER_ID_FOR_SRP: 'bench',
  };
}

async function time(run) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** amazon-cognito-identity-js: the key by callback, then the claim's HMAC as CognitoUser signs it. */
function referenceProof(parameters) {
  const helper = new ReferenceHelper(POOL_NAME);
  return () =>
    new Promise((resolve) =>
      helper.getPasswordAuthenticationKey(
        'bench',
        PASSWORD,
        new ReferenceBigInteger(parameters.SRP_B, 16),
        new ReferenceBigInteger(parameters.SALT, 16),
        (_, key) => {
          const hmac = new Sha256(key);
          hmac.update(new TextEncoder().encode(`${POOL_NAME}bench${parameters.SECRET_BLOCK}${getNowString()}`));
          resolve(hmac.digestSync());
        },
      ),
    );
}

/** Amplify v6: its own helper (A computed before the clock starts, as at InitiateAuth). */
async function amplifyProof(parameters) {
  const helper = await getAuthenticationHelper(POOL_NAME);
  return async () => {
    const hkdf = await helper.getPasswordAuthenticationKey({
      username: 'bench',
      password: PASSWORD,
      serverBValue: new AmplifyBigInteger(parameters.SRP_B, 16),
      salt: new AmplifyBigInteger(parameters.SALT, 16),
    });
    return getSignatureString({ userPoolName: POOL_NAME, username: 'bench', challengeParameters: parameters, dateNow: getNowString(), hkdf });
  };
}

window.srpProof = async (runs) => {
  const times = { authchart: [], cognitoIdentityJs: [], amplify: [] };
  for (let run = 0; run < WARMUP_RUNS + runs; run++) {
    const parameters = challenge();
    const keep = (list, ms) => run >= WARMUP_RUNS && list.push(ms);
    const secret = startSrp();
    keep(times.authchart, await time(() => passwordClaim({ realm: POOL_NAME, password: PASSWORD, secret, parameters, username: 'bench', now: Date.now() })));
    keep(times.cognitoIdentityJs, await time(referenceProof(parameters)));
    keep(times.amplify, await time(await amplifyProof(parameters)));
  }
  return { authchartMs: median(times.authchart), cognitoIdentityJsMs: median(times.cognitoIdentityJs), amplifyMs: median(times.amplify) };
};

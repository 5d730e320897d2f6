import { readFileSync } from 'node:fs';
import { LOCAL_POOL } from '../../dev/localPool.js';

/** @type {{ dependencies: Record<string, string> }} */
const BENCH_PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const version = (/** @type {string} */ name) => BENCH_PACKAGE.dependencies[name] ?? '?';

/**
 * @typedef {object} SizeTarget
 * @property {string} id
 * @property {string} label          as printed in the table
 * @property {string} [entry]        module built as the entry (relative to bench/size/); none = the demo app's index.html
 * @property {Record<string, string>} [env]  VITE_* variables for the build
 * @property {number} [budgetGzip]   bytes; `--check` fails above it
 * @property {number} [goalGzip]     bytes; reported, never enforced
 * @property {number} [ceilingGzip]  bytes; `--ceiling` (CI) fails above it. Today's size plus a
 *   little: growth has to be a decision made in review (raise it in the same commit), never an
 *   accident. Budgets are the target; the ceiling stops the bundle drifting away from it.
 * @property {boolean} own           authchart's own bundle (checked in CI) rather than a comparison
 * @property {boolean} [needsBenchDeps]  imports packages from bench/node_modules
 * @property {string} [partOf]      id of the bundle this one adds to: its budget and ceiling apply to the
 *   difference (what the part costs an app that already has the base), and the base must be measured too
 * @property {string} [needsExample]  a file that exists once the example installed the tarball
 *   (relative to bench/size/); the target is skipped, with a note, until then
 */

/** kB here means 1,000 bytes. */
export const KB = 1000;

/**
 * The core's CI ceiling. The vanilla example is the core plus one page, so its ceiling is
 * derived from this one instead of being a second number to remember to raise.
 */
const CORE_CEILING_GZIP = 32.3 * KB;

/** The bundles compared, in table order. The ratios are taken against `amplify`. */
/** @type {readonly SizeTarget[]} */
export const SIZE_TARGETS = Object.freeze([
  {
    id: 'authchart',
    label: 'authchart (`machines/index.ts`, default fetch transport)',
    entry: 'entries/authchartDefault.ts',
    // The size issue's (18) budget and goal: the session lifecycle with SRP and password sign-in.
    budgetGzip: 28 * KB,
    goalGzip: 24 * KB,
    // Today's size plus a little: the signed-in settings left for authchart/account (-0.9 kB), the
    // managed-login states came in (+0.6 kB; their work is in authchart/oauth, on its own line),
    // then choice-based sign-in's states, helpers and errors (+1.1 kB; its requests are in
    // authchart/choice, WebAuthn in authchart/passkeys, each on the line below), then remembered
    // devices' states, the device key on sign-in and refresh, and the account's deletion (+0.7 kB;
    // the device maths and secrets are in authchart/devices, on its own line), then the device
    // named in every challenge answer, a failed confirmation retried before the first refresh, and
    // sign-out while confirming (+0.2 kB: correctness the review of remembered devices asked for).
    ceilingGzip: CORE_CEILING_GZIP,
    own: true,
  },
  {
    id: 'srp',
    label: 'of which SRP sign-in (`machines/srp/`, on its own)',
    entry: 'entries/srp.ts',
    own: false,
  },
  {
    id: 'account',
    label: 'optional: `authchart/account` sign-up, confirmation, password reset (`createAccountFlows`), with the core',
    entry: 'entries/account.ts',
    partOf: 'authchart',
    budgetGzip: 4 * KB,
    goalGzip: 2.5 * KB,
    own: true,
  },
  {
    id: 'accountSettings',
    label: 'optional: `authchart/account` password change, TOTP, MFA preference (`createAccountSettings`), with the core',
    entry: 'entries/accountSettings.ts',
    partOf: 'authchart',
    budgetGzip: 4 * KB,
    goalGzip: 2.5 * KB,
    own: true,
  },
  {
    id: 'accountData',
    label: 'optional: `authchart/account` the user\'s attributes and their verification, account deletion (`createAccountData`), with the core',
    entry: 'entries/accountData.ts',
    partOf: 'authchart',
    budgetGzip: 4 * KB,
    goalGzip: 2.5 * KB,
    own: true,
  },
  {
    id: 'inspect',
    label: 'optional: `authchart/inspect` (redacting inspector), on its own',
    entry: 'entries/inspect.ts',
    budgetGzip: 4 * KB,
    goalGzip: 2.5 * KB,
    own: true,
  },
  {
    id: 'oauth',
    label: 'optional: `authchart/oauth` managed login with PKCE (`hostedUi`), with the core',
    entry: 'entries/oauth.ts',
    partOf: 'authchart',
    budgetGzip: 4 * KB,
    goalGzip: 2.5 * KB,
    own: true,
  },
  {
    id: 'passkeys',
    label: 'optional: `authchart/choice` + `authchart/passkeys` (choice-based sign-in, WebAuthn, passkey management), with the core',
    entry: 'entries/passkeys.ts',
    partOf: 'authchart',
    budgetGzip: 4 * KB,
    goalGzip: 2.5 * KB,
    own: true,
  },
  {
    id: 'devices',
    label: 'optional: `authchart/devices` (remembered devices: confirm, prove, list, forget), with the core',
    entry: 'entries/devices.ts',
    partOf: 'authchart',
    budgetGzip: 4 * KB,
    goalGzip: 2.5 * KB,
    own: true,
  },
  {
    id: 'worker',
    label: 'optional: `authchart/worker` (worker tier), on its own (the vault worker is a file of its own)',
    entry: 'entries/worker.ts',
    budgetGzip: 4 * KB,
    goalGzip: 2.5 * KB,
    own: true,
  },
  {
    id: 'authchartSdk',
    label: 'authchart with `sdkTransport` (AWS SDK v3 client)',
    entry: 'entries/authchartSdk.ts',
    own: false,
  },
  {
    id: 'vanillaExample',
    label: 'examples/vanilla, initial JS (no Svelte; authchart from the `npm pack` tarball)',
    // Resolves `authchart` from examples/vanilla/node_modules: run `npm run package && npm run examples` first.
    entry: '../../examples/vanilla/src/main.ts',
    needsExample: '../../examples/vanilla/node_modules/authchart/package.json',
    env: {
      VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      VITE_COGNITO_CLIENT_ID: LOCAL_POOL.clientId,
      VITE_COGNITO_REGION: LOCAL_POOL.region,
      VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
    },
    budgetGzip: 30 * KB,
    goalGzip: 25 * KB,
    // The core's ceiling plus this page (0.6 kB), so it rises with the core's.
    ceilingGzip: CORE_CEILING_GZIP + 0.6 * KB,
    own: true,
  },
  {
    id: 'demoApp',
    label: 'demo app, initial JS (`vite build`)',
    // The pool the app is built for, as `npm run dev` sets it: without one the app only shows
    // "not configured" and the bundler could drop the rest.
    env: {
      VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      VITE_COGNITO_CLIENT_ID: LOCAL_POOL.clientId,
      VITE_COGNITO_REGION: LOCAL_POOL.region,
      VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
    },
    // The size issue's (18) budget and goal for the landing page's initial JS.
    budgetGzip: 48 * KB,
    goalGzip: 42 * KB,
    // Today's size plus a little: the session panel and re-auth dialog became lazy (-4.1 kB), the
    // core's managed-login states came in (+0.6 kB), then choice-based sign-in (the core's +1.1
    // kB; the demo's reading of VITE_AUTH_WAYS_IN; the sign-in page itself is lazy), then the
    // core's devices and deletion (+0.7 kB), the Profile route and messages (+0.2 kB; the page is lazy),
    // then the core's auth setup split into guards and delays of their own (+0.2 kB gzip, measured
    // at cd07c48 against its parent: the same code compresses a little worse across modules),
    // then steps and getTokens asked for in the same tick waiting for each other (+45 B).
    ceilingGzip: 61.9 * KB,
    own: true,
  },
  {
    id: 'amplify',
    label: `Amplify v6 (\`aws-amplify\` ${version('aws-amplify')})`,
    entry: 'entries/amplify.js',
    own: false,
    needsBenchDeps: true,
  },
  {
    id: 'cognitoIdentityJs',
    label: `amazon-cognito-identity-js ${version('amazon-cognito-identity-js')}`,
    entry: 'entries/cognitoIdentityJs.js',
    own: false,
    needsBenchDeps: true,
  },
]);

// Markdown for the results: the size table, the behaviour table, their notes.

/** @typedef {import('./size/measureSizes.js').SizeRow} SizeRow */
/** @typedef {import('./behaviour/runBehaviourBenches.ts').BehaviourResults} BehaviourResults */
/** @typedef {import('./tabs/measureTabs.ts').TabsResult} TabsResult */
/** @typedef {import('./tabs/measurePageRestore.ts').PageRestoreResult} PageRestoreResult */
/** @typedef {import('./memory/measureHeapGrowth.ts').HeapGrowthResult} HeapGrowthResult */
/** @typedef {import('./behaviour/measureSrpProof.ts').SrpProofResult} SrpProofResult */

/** @param {number} bytes */
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
/** @param {number} ms */
const ms = (ms) => (ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(1)} ms`);

/**
 * @param {SizeRow[]} rows
 * @returns {string}
 */
export function formatSizeTable(rows) {
  const withRatio = rows.some((row) => row.ratioToAmplify);
  const lines = [
    withRatio
      ? '| bundle | raw (× Amplify) | gzip -9 (× Amplify) | brotli (× Amplify) | budget (gzip) |'
      : '| bundle | raw | gzip -9 | brotli | budget (gzip) |',
    '|---|--:|--:|--:|---|',
  ];
  for (const row of rows) {
    /** @param {'raw' | 'gzip' | 'brotli'} measure */
    const cell = (measure) => {
      const ratio = row.ratioToAmplify ? ` (${row.ratioToAmplify[measure].toFixed(2)}×)` : '';
      return `${kB(row.initial[measure])}${ratio}`;
    };
    const lazy = row.lazy ? `; plus ${kB(row.lazy.gzip)} gzip in lazy chunks` : '';
    lines.push(`| ${row.label}${lazy} | ${cell('raw')} | ${cell('gzip')} | ${cell('brotli')} | ${budgetCell(row)} |`);
  }
  return lines.join('\n');
}

/** @param {SizeRow} row */
function budgetCell(row) {
  if (row.budgetGzip === null) return '—';
  const goal = row.goalGzip === null ? '' : `, goal ${kB(row.goalGzip)}`;
  const verdict = row.withinBudget
    ? `within (${kB(row.budgetGzip - row.budgetedGzip)} to spare)`
    : `**over by ${kB(row.budgetedGzip - row.budgetGzip)}**`;
  const part = row.budgetedGzip === row.initial.gzip ? '' : `the part ${kB(row.budgetedGzip)}: `;
  return `${part}≤ ${kB(row.budgetGzip)}${goal}: ${verdict}${ceilingNote(row)}`;
}

/** @param {SizeRow} row */
function ceilingNote(row) {
  if (row.ceilingGzip === null) return '';
  return row.withinCeiling ? `; CI ceiling ${kB(row.ceilingGzip)}` : `; **over the CI ceiling ${kB(row.ceilingGzip)}**`;
}

/**
 * @param {{ behaviour: BehaviourResults, pageRestore: PageRestoreResult[], tabs: TabsResult[], memory: HeapGrowthResult, tabsCycles: number, tabsLatencyMs: number, srpProofBrowser?: SrpProofResult }} results
 * @returns {string}
 */
export function formatBehaviourTable({ behaviour, pageRestore, tabs, memory, tabsCycles, tabsLatencyMs, srpProofBrowser }) {
  const { restore, refreshEconomy, signInOverhead } = behaviour;
  const lines = ['| measure | authchart | Amplify v6 | goal |', '|---|---|---|---|'];
  const restoreNote = restore.signedInRuns === restore.runs ? '' : ` (**only ${restore.signedInRuns} of ${restore.runs} signed in**)`;
  lines.push(
    `| Restore: \`createAuth\` → \`signedIn\` with valid tokens in storage (Node, median of ${restore.runs}) | ` +
      `${ms(restore.medianMs)} (p90 ${ms(restore.p90Ms)}), ${restore.fetchCalls} network calls${restoreNote} | — | 0 calls |`,
  );
  if (pageRestore.length > 0) {
    /** @param {string} library */
    const cell = (library) => {
      const result = pageRestore.find((r) => r.library === library);
      if (!result) return '—';
      const missing = result.withTokens === result.reloads ? '' : ` (**${result.reloads - result.withTokens} reloads without tokens**)`;
      return `${ms(result.medianMs)} (p90 ${ms(result.p90Ms)}), ${result.cognitoCalls} Cognito calls${missing}`;
    };
    const reloads = pageRestore[0]?.reloads ?? 0;
    lines.push(
      `| Restore on page reload: client created → first tokens (chromium, \`localStorage\`, median of ${reloads}) | ` +
        `${cell('authchart')} | ${cell('amplify')} | 0 calls |`,
    );
  }
  for (const row of refreshEconomy) {
    const failed = row.ok === row.concurrentCalls ? '' : ` (**${row.concurrentCalls - row.ok} not 200**)`;
    lines.push(
      `| Refresh economy: ${row.concurrentCalls} concurrent \`auth.fetch\` 30 s before expiry → refresh calls | ` +
        `${row.refreshCalls}${failed} | — | 1 |`,
    );
  }
  for (const count of [...new Set(tabs.map((result) => result.tabs))].sort((a, b) => a - b)) {
    /** @param {string} library */
    const cell = (library) => {
      const result = tabs.find((r) => r.library === library && r.tabs === count);
      if (!result) return '—';
      const perCycle = result.refreshesPerCycle.join(', ') || 'none';
      const problems = [
        result.timedOut ? `only ${result.refreshesPerCycle.length} cycles seen` : '',
        result.failedRefreshes ? `${result.failedRefreshes} refused` : '',
        tokenless(result) ? `${tokenless(result)} token requests got none` : '',
        result.pageErrors.length ? `${result.pageErrors.length} page errors` : '',
      ].filter(Boolean);
      return problems.length ? `${perCycle} (**${problems.join('; ')}**)` : perCycle;
    };
    lines.push(
      `| Tabs: ${count} tabs, refresh calls per cycle over ${tabsCycles} cycles (+${tabsLatencyMs} ms on Cognito calls) | ` +
        `${cell('authchart')} | ${cell('amplify')} | 1 |`,
    );
  }
  lines.push(
    `| Sign-in latency: \`auth.signIn\` ÷ bare InitiateAuth (median of ${signInOverhead.runs}) | ` +
      `${signInOverhead.ratio.toFixed(2)}× (${ms(signInOverhead.authchartMedianMs)} vs ${ms(signInOverhead.bareMedianMs)}) | — | |`,
  );
  for (const [where, srp] of /** @type {[string, SrpProofResult | undefined][]} */ ([['Node', behaviour.srpProof], ['chromium', srpProofBrowser]])) {
    if (!srp) continue;
    lines.push(
      `| SRP: PASSWORD_VERIFIER challenge → answer (${where}, median of ${srp.runs}; amazon-cognito-identity-js ${ms(srp.cognitoIdentityJsMs)}) | ` +
        `${ms(srp.authchartMs)} (${(srp.authchartMs / srp.amplifyMs).toFixed(2)}×) | ${ms(srp.amplifyMs)} | ≤ 0.3× Amplify |`,
    );
  }
  lines.push(
    `| Memory: one actor over ${memory.cycles} refresh cycles (SimulatedClock, fake Cognito) | ` +
      `${signed(memory.retainedObjectsGrowth)} objects, ${signed(memory.retainedBytesGrowth / 1000, 1)} kB retained` +
      ` (${memory.flat ? 'flat' : '**growing**'}); heapUsed ${signed(memory.heapUsedGrowthBytes / 1000, 0)} kB | — | flat |`,
  );
  return lines.join('\n');
}

/** @param {TabsResult} result */
function tokenless(result) {
  return result.tabReports.reduce((sum, report) => sum + report.withoutTokens + report.errors.length, 0);
}

/**
 * @param {number} value
 * @param {number} [digits]
 */
function signed(value, digits = 0) {
  const text = value.toFixed(digits);
  return value >= 0 ? `+${text}` : text;
}

/**
 * @typedef {object} BenchResults
 * @property {string} date
 * @property {{ node: string, cpu: string, cores: number, vite: string, chromium: string | null }} machine
 * @property {SizeRow[]} size
 * @property {BehaviourResults} behaviour
 * @property {PageRestoreResult[]} pageRestore
 * @property {TabsResult[]} tabs
 * @property {number} tabsCycles
 * @property {number} tabsLatencyMs
 * @property {HeapGrowthResult} memory
 * @property {Record<string, number>} durationsMs
 */

/**
 * The whole report: both tables and what their numbers mean.
 * @param {BenchResults} results
 * @returns {string}
 */
export function formatReport(results) {
  const { machine } = results;
  return `# authchart benchmarks

${results.date} · Node ${machine.node} · ${machine.cpu} × ${machine.cores} · Vite ${machine.vite}${machine.chromium ? ` · chromium ${machine.chromium}` : ''} · \`npm run bench\` took ${Math.round((results.durationsMs['total'] ?? 0) / 1000)} s

## Size

${formatSizeTable(results.size)}

${SIZE_NOTES}

## Behaviour

${formatBehaviourTable(results)}

${BEHAVIOUR_NOTES}
`;
}

export const SIZE_NOTES = `- Each bundle is one \`vite build\` with the repo's \`vite.config.ts\` (app mode, minified, its build target): an entry in
  \`bench/size/entries/\` that does one app's job (sign in, tokens, one API call, sign out), or the demo app's
  \`index.html\`. Sizes are the JS loaded at start (entry and its static imports); lazy chunks are named apart.
  Each file is compressed on its own (gzip -9, brotli 11) and the sizes added; kB = 1,000 bytes.
- The demo app is built for the local pool (\`VITE_COGNITO_*\` as \`npm run dev\` sets them), else the bundler could
  drop everything behind "not configured".
- Amplify and amazon-cognito-identity-js sign in with USER_PASSWORD_AUTH like authchart, but their SRP code stays in
  the bundle. Their versions are pinned in \`bench/package.json\`.
- \`npm run bench:size -- --check\` fails when authchart's budgets (library, demo app) are exceeded; they are today
  (see the README). CI runs \`npm run bench:size -- --ceiling\` instead: it fails when a bundle grows past its
  ceiling (today's size plus a little, in \`bench/size/sizeTargets.js\`), so growth is decided in review.`;

export const BEHAVIOUR_NOTES = `- All against cognito-local 5.3.0 on 127.0.0.1. Cognito calls are counted on the emulator's side by a loopback proxy
  in front of it. **The proxy answers GetTokensFromRefreshToken**, which cognito-local lacks and Amplify v6 refreshes
  with only, **by calling InitiateAuth REFRESH_TOKEN_AUTH** (tokens as from a pool without refresh-token rotation).
  authchart tries GetTokensFromRefreshToken first too, so both libraries refresh through the same path.
- Restore (Node): tokens in an in-memory \`TokenStorage\`, warm (5 unmeasured runs first); network calls are all
  requests through the app's \`fetch\`. Restore on page reload: a bench page (\`bench/pages/\`) reloaded on a
  signed-in session, from \`createAuth\` / \`Amplify.configure\` to the first \`getTokens()\` /
  \`fetchAuthSession()\` answer with tokens; Cognito calls counted at the proxy. Each page touches \`localStorage\`
  before its clock starts (the first touch costs the browser ~0.5 ms; Amplify's modules pay it while loading).
  The rest of authchart's gap is cold code: XState's actor start-up (~0.7 ms for the smallest comparable
  machine), the tab channel and the wake-up listeners.
- Refresh economy: the 5-minute app client; the app's clock is moved to 30 s before expiry (inside the 60-s refresh
  lead), then N \`auth.fetch\` calls go at once to the demo API, which verifies ID tokens like API Gateway's
  Cognito authorizer; every response must be 200.
- Tabs: pages in one chromium context (shared \`localStorage\`, BroadcastChannel, Web Locks), the 30-second client,
  every Cognito call delayed 400 ms by the proxy. One tab signs in, the others open on the session; then every tab
  asks for tokens at each whole second of the shared clock (authchart \`getTokens()\`, Amplify \`fetchAuthSession()\`),
  so they ask at the same moment. authchart also refreshes on its own timer at half the token lifetime, Amplify
  when a token is within 5 s of expiry. A cycle is one burst of refresh requests (less than 5 s apart). The four
  scenarios run at the same time, each with its own context and proxy.
- Sign-in latency: straight to the emulator (no proxy), order alternated per run. On loopback a bare InitiateAuth
  takes a few ms, so the ratio magnifies authchart's own cost (token checks, state changes, storage); against real
  Cognito, tens of ms away, the same absolute overhead is a far smaller ratio.
- Memory: \`node --expose-gc\`, XState's SimulatedClock, a fake Cognito with refresh-token rotation
  (\`test/support/RotatingCognito.ts\`), 200 warm-up cycles first. "Retained" compares heap snapshots before and
  after (objects, closures, arrays, strings; not compiled code); heapUsed also counts the code the JIT adds.`;

// The AWS SDK is an optional peer: only the `authchart/sdk` entry may name it in its declarations.
// 1. No declaration file that another entry reaches mentions `@aws-sdk` (dist/, from `npm run
//    package`).
// 2. An app without the SDK type-checks with `skipLibCheck` off: examples/vanilla's sources and
//    its installed node_modules (the tarball, no SDK; `npm run examples` first), compiled by its
//    own TypeScript in a temp dir outside the repo, where the repo's node_modules (which has the
//    SDK) cannot be found by walking up.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/vanilla/', import.meta.url));
const SDK = '@aws-sdk/client-cognito-identity-provider';

/** Every package entry's declaration file, by export name (`.`, `./sdk`, `./svelte`…). */
function entryDeclarations(): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const entries = new Map<string, string>();
  for (const [name, target] of Object.entries(pkg.exports)) {
    const types = typeof target === 'object' && target !== null ? (target as { types?: unknown }).types : undefined;
    if (typeof types === 'string') entries.set(name, join(ROOT, types));
  }
  return entries;
}

/** The declaration file a relative import names: `./x.js` → `x.d.ts`, `./X.svelte` → `X.svelte.d.ts`. */
function declarationOf(path: string): string {
  const candidates = path.endsWith('.js') ? [path.replace(/\.js$/, '.d.ts')] : [`${path}.d.ts`, join(path, 'index.d.ts')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${relative(ROOT, path)}: no declaration file`);
  return found;
}

/** The declaration files an entry reaches through relative imports and `import("…")` types. */
function reachedFrom(entry: string): Set<string> {
  const reached = new Set<string>();
  const visit = (file: string): void => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      visit(declarationOf(resolve(dirname(file), specifier!)));
    }
  };
  visit(entry);
  return reached;
}

function declarationsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? declarationsUnder(path) : entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

test("only the authchart/sdk entry's declarations name the AWS SDK", () => {
  if (!existsSync(join(DIST, 'machines/index.d.ts'))) throw new Error('dist/ is missing: run `npm run package` first');
  const reach = new Map([...entryDeclarations()].map(([name, file]) => [name, reachedFrom(file)]));
  const sdkEntry = reach.get('./sdk');
  expect(sdkEntry, 'package.json exports ./sdk').toBeDefined();
  // The walk follows imports (the core reaches its transport port).
  expect(reach.get('.')).toContain(join(DIST, 'machines/cognito/CognitoTransport.d.ts'));
  const otherEntries = new Set([...reach].filter(([name]) => name !== './sdk').flatMap(([, files]) => [...files]));

  const namingSdk = declarationsUnder(DIST).filter((file) => readFileSync(file, 'utf8').includes('@aws-sdk'));
  // The scan finds the SDK where it belongs (so it cannot pass by reading nothing).
  expect(namingSdk).toContain(join(DIST, 'machines/cognito/sdkTransport.d.ts'));
  const misplaced = namingSdk.filter((file) => otherEntries.has(file) || !sdkEntry!.has(file));
  expect(misplaced.map((file) => relative(ROOT, file))).toEqual([]);
});

let consumerDir: string | undefined;

afterAll(async () => {
  if (consumerDir) await rm(consumerDir, { recursive: true, force: true });
});

test('an app without the AWS SDK type-checks against authchart with skipLibCheck off', async () => {
  if (!existsSync(join(EXAMPLE_DIR, 'node_modules/authchart/package.json'))) {
    throw new Error('examples/vanilla has no authchart installed: run `npm run examples` first');
  }
  const dir = await mkdtemp(join(tmpdir(), 'authchart-core-types-'));
  consumerDir = dir;
  await cp(join(EXAMPLE_DIR, 'src'), join(dir, 'src'), { recursive: true });
  // Every entry that needs neither the SDK nor Svelte, type-checked with the example's sources.
  await writeFile(
    join(dir, 'src/entries.ts'),
    [
      "import type * as account from 'authchart/account';",
      "import type * as inspect from 'authchart/inspect';",
      "import type * as oauth from 'authchart/oauth';",
      "import type * as worker from 'authchart/worker';",
      'export type Entries = [typeof account, typeof inspect, typeof oauth, typeof worker];',
      '',
    ].join('\n'),
  );
  // The example's node_modules as the app's own; preserveSymlinks keeps module lookups walking
  // up from the temp dir instead of from examples/vanilla (and on into the repo's node_modules).
  await symlink(join(EXAMPLE_DIR, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(EXAMPLE_DIR, 'tsconfig.json'),
      compilerOptions: { skipLibCheck: false, preserveSymlinks: true, noEmit: true },
      include: ['src'],
    }),
  );
  // The app really has no SDK to find.
  expect(() => createRequire(join(dir, 'src/main.ts')).resolve(SDK)).toThrow();

  const tsc = join(EXAMPLE_DIR, 'node_modules/typescript/bin/tsc');
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--skipLibCheck', 'false'], {
    cwd: dir,
  }).then(
    () => '',
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}` || String(error),
  );
  expect(result).toBe('');
});

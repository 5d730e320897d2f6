// `npm run examples`: the examples install authchart the way an app does, from the tarball.
// Packs dist/ (built by `npm run package`) into authchart-<version>.tgz at the repo root, then in
// every examples/<name>/ with a package.json: `npm ci` (its own lock file) and `npm run build`
// (type-check and production build).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('./', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (/** @type {string[]} */ args, /** @type {string} */ cwd) => execFileSync(npm, args, { cwd, stdio: 'inherit' });

if (!existsSync(join(ROOT, 'dist/machines/index.js'))) {
  throw new Error('dist/ is missing: run `npm run package` first');
}
run(['pack', '--pack-destination', ROOT], ROOT);

const names = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(EXAMPLES, entry.name, 'package.json')))
  .map((entry) => entry.name);
for (const name of names) {
  const dir = join(EXAMPLES, name);
  forgetTarballIntegrity(join(dir, 'package-lock.json'));
  console.log(`examples/${name}: npm ci, npm run build`);
  run(['ci', '--no-audit', '--no-fund'], dir);
  run(['run', 'build'], dir);
}

/**
 * The tarball changes with every build, so a lock file that pins its checksum would fail `npm ci`
 * (EINTEGRITY) after any change to the library. `npm install` writes the checksum back; drop it.
 * @param {string} lockFile
 */
function forgetTarballIntegrity(lockFile) {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  let changed = false;
  for (const entry of Object.values(lock.packages ?? {})) {
    if (typeof entry.resolved === 'string' && entry.resolved.startsWith('file:') && entry.resolved.endsWith('.tgz') && entry.integrity) {
      delete entry.integrity;
      changed = true;
    }
  }
  if (changed) writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
}

import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The repository's root: the app is built there. */
export const REPO_ROOT = here('../../');
/** Where `cdk deploy --outputs-file` writes (outside cdk.out, which every synth rewrites). */
export const OUTPUTS_FILE = here('../outputs.json');
/** The app's env file for the deployed pool (read by dev/start.js --real). */
export const APP_ENV_FILE = here('../.env.deployed');
/** The built app that bin/app.ts uploads. */
export const APP_DIR = here('../app-dist');

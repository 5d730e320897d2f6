import { APP_ENV_OUTPUTS, type AppEnvOutput } from './appEnvOutputs.js';

/** Outputs a stack has only with managed login, other ways in or device tracking. */
const OPTIONAL_OUTPUTS: readonly AppEnvOutput[] = ['OauthDomain', 'WaysIn', 'Devices'];

/**
 * The env file the app is run (`npm run dev -- --real`) and built (scripts/deploy.ts) with,
 * from one stack's outputs as `cdk deploy --outputs-file` writes them. Variables the deploy does
 * not set are written empty, so a developer's `.env.local` (cognito-local's endpoint, the local
 * provider) cannot leak into a build for the real pool: the file's values go into process.env,
 * which wins over .env files in Vite.
 * @param stackName  names the file's origin in its header
 * @param outputs    output key → value
 */
export function appEnvFile(stackName: string, outputs: Record<string, string>): string {
  const lines = [
    `# Written from the outputs of the CloudFormation stack ${stackName} (infra/scripts/writeEnv.ts).`,
    '# Public identifiers only. Read by `npm run dev -- --real` and by `npm run infra:deploy` to build the app.',
    ...(outputs['AppUrl'] ? [`# The hosted app: ${outputs['AppUrl']} (the demo API: /api/* there)`] : []),
    ...(outputs['ApiUrl'] ? [`# The API, direct: ${outputs['ApiUrl']}`] : []),
  ];
  for (const [key, name] of Object.entries(APP_ENV_OUTPUTS) as [AppEnvOutput, string][]) {
    const value = outputs[key] ?? '';
    // Without managed login, other ways in or device tracking, the variable is written empty on purpose (see above).
    if (!value && !OPTIONAL_OUTPUTS.includes(key)) throw new Error(`stack ${stackName} has no output ${key}`);
    if (/[\s#"'\\]/.test(value)) throw new Error(`output ${key} = ${JSON.stringify(value)}: not a plain identifier`);
    lines.push(`${name}=${value}`);
  }
  // Real Cognito: the emulator's endpoint of `npm run dev` must not apply.
  lines.push('VITE_COGNITO_ENDPOINT=');
  return `${lines.join('\n')}\n`;
}

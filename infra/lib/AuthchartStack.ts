import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { AuthchartConfig } from './AuthchartConfig.js';
import { AppHosting } from './AppHosting.js';
import { type AppEnvOutput } from './appEnvOutputs.js';
import { AuthPool } from './AuthPool.js';
import { DemoApi } from './DemoApi.js';

export interface AuthchartStackProps extends StackProps {
  readonly config: AuthchartConfig;
  /** The built app to upload; undefined before the first build (see bin/app.ts). */
  readonly appDir: string | undefined;
}

/**
 * The real world of the demo: the user pool and app client, the demo API behind API Gateway's
 * Cognito authorizer, and the built app on CloudFront with the headers `vite preview` sends.
 * Environment-agnostic: the region and account come from the deploy, so synth needs no AWS
 * account and no lookups.
 */
export class AuthchartStack extends Stack {
  constructor(scope: Construct, id: string, { config, appDir, ...props }: AuthchartStackProps) {
    super(scope, id, props);
    // The pool needs the app's URL (callback URLs) before the distribution exists; Lazy defers it.
    let hosting: AppHosting;
    const appOrigin = Lazy.string({ produce: () => `https://${hosting.distribution.distributionDomainName}` });
    const pool = new AuthPool(this, 'Auth', { config, appOrigin });
    const api = new DemoApi(this, 'Api', { stage: config.stage, userPool: pool.userPool, client: pool.client, corsOrigin: config.corsOrigin });
    hosting = new AppHosting(this, 'Hosting', {
      stage: config.stage,
      api: { domainName: api.domainName, stageName: DemoApi.STAGE_NAME },
      // Cognito's regional endpoint as dev/cspPlugin.js names it for the same region (the tests
      // compare the two), and the managed-login domain.
      connectOrigins: [`https://cognito-idp.${this.region}.amazonaws.com`, ...(pool.oauthDomain ? [pool.oauthDomain] : [])],
      appDir,
    });

    const appEnv: Record<AppEnvOutput, string | undefined> = {
      UserPoolId: pool.userPool.userPoolId,
      ClientId: pool.client.userPoolClientId,
      Region: this.region,
      OauthDomain: pool.oauthDomain,
      WaysIn: waysIn(config),
      Devices: config.deviceTracking ? 'remembered' : undefined,
    };
    for (const [key, value] of Object.entries(appEnv)) {
      if (value !== undefined) new CfnOutput(this, key, { value });
    }
    new CfnOutput(this, 'AppUrl', { value: appOrigin });
    new CfnOutput(this, 'ApiUrl', { value: api.restApi.url, description: 'direct; the app calls it as /api/* on AppUrl' });
  }
}

/** The first factors besides the password the pool allows, as the app's VITE_AUTH_WAYS_IN names them. */
function waysIn(config: AuthchartConfig): string | undefined {
  const ways = [...(config.passkeyRelyingPartyId ? ['WEB_AUTHN'] : []), ...(config.emailCodeSignIn ? ['EMAIL_OTP'] : [])];
  return ways.length > 0 ? ways.join(',') : undefined;
}

import { Duration, aws_cognito as cognito } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { AuthchartConfig } from './AuthchartConfig.js';

export interface AuthPoolProps {
  readonly config: AuthchartConfig;
  /** The hosted app's origin (`https://<id>.cloudfront.net`): its /sign-in and / join the OAuth URLs. */
  readonly appOrigin: string;
}

/**
 * The user pool and the browser app client, set up the way authchart expects (the README's
 * "Using a real user pool"), plus the managed-login domain when the hosted UI is on.
 */
export class AuthPool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`, with the hosted UI. */
  readonly oauthDomain: string | undefined;

  constructor(scope: Construct, id: string, { config, appOrigin }: AuthPoolProps) {
    super(scope, id);
    const mfaOn = config.mfa !== 'off';
    const emailMfa = mfaOn && config.mfaFactors.email;
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `authchart-${config.stage}`,
      // The demo's sign-up form asks for a username, an email address and a password.
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      // A changed address is used only once its owner confirms it.
      keepOriginal: { email: true },
      selfSignUpEnabled: config.selfSignUp,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: { off: cognito.Mfa.OFF, optional: cognito.Mfa.OPTIONAL, required: cognito.Mfa.REQUIRED }[config.mfa],
      ...(mfaOn ? { mfaSecondFactor: { otp: config.mfaFactors.totp, sms: config.mfaFactors.sms, email: emailMfa } } : {}),
      ...(config.sesFromEmail ? { email: cognito.UserPoolEmail.withSES({ fromEmail: config.sesFromEmail, sesRegion: config.sesRegion }) } : {}),
      ...(config.deviceTracking
        ? { deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true } }
        : {}),
      // Lite unless a feature needs more: choice-based sign-in and email MFA need Essentials.
      featurePlan: config.choiceBased || emailMfa ? cognito.FeaturePlan.ESSENTIALS : cognito.FeaturePlan.LITE,
      ...(config.choiceBased
        ? {
            signInPolicy: {
              allowedFirstAuthFactors: { password: true, emailOtp: config.emailCodeSignIn, passkey: config.passkeyRelyingPartyId !== undefined },
            },
            ...(config.passkeyRelyingPartyId
              ? { passkeyRelyingPartyId: config.passkeyRelyingPartyId, passkeyUserVerification: cognito.PasskeyUserVerification.PREFERRED }
              : {}),
          }
        : {}),
    });

    this.client = this.userPool.addClient('AppClient', {
      userPoolClientName: `authchart-${config.stage}-browser`,
      // A browser cannot keep a secret.
      generateSecret: false,
      authFlows: {
        userSrp: true,
        userPassword: config.passwordAuth,
        custom: config.customAuth,
        user: config.choiceBased,
      },
      // Rotation: every refresh returns a new refresh token and ends the old one after the grace
      // period, long enough for authchart's first retries of a refresh whose answer was lost.
      // With rotation on, CDK leaves ALLOW_REFRESH_TOKEN_AUTH out (Cognito refuses the pair);
      // authchart refreshes with GetTokensFromRefreshToken, which rotation requires.
      refreshTokenRotationGracePeriod: Duration.seconds(30),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.minutes(config.tokenMinutes),
      accessTokenValidity: Duration.minutes(config.tokenMinutes),
      refreshTokenValidity: Duration.days(30),
      // Cognito's challenge sessions: the statechart's challenge timeout assumes 3 minutes.
      authSessionValidity: Duration.minutes(3),
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      ...(config.hostedUi
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              // hostedUi()'s default scopes.
              scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
              callbackUrls: [`${appOrigin}/sign-in`, ...config.callbackUrls],
              logoutUrls: [`${appOrigin}/`, ...config.signOutUrls],
            },
          }
        : { disableOAuth: true }),
    });

    if (config.hostedUi && config.domainPrefix) {
      const domain = this.userPool.addDomain('Domain', {
        cognitoDomain: { domainPrefix: config.domainPrefix },
        managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
      });
      // Managed login shows its pages only for a client with a style; Cognito's own will do.
      const branding = new cognito.CfnManagedLoginBranding(this, 'Branding', {
        userPoolId: this.userPool.userPoolId,
        clientId: this.client.userPoolClientId,
        useCognitoProvidedValues: true,
      });
      branding.node.addDependency(domain);
      this.oauthDomain = domain.baseUrl();
    }
  }
}

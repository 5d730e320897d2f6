import { fileURLToPath } from 'node:url';
import { Duration, Stack, aws_apigateway as apigateway, aws_cognito as cognito, aws_lambda as lambda, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DEMO_ROUTES } from '../../dev/demoRoutes.js';
import { bundledCode } from './bundledCode.js';

export interface DemoApiProps {
  readonly stage: string;
  readonly userPool: cognito.IUserPool;
  readonly client: cognito.IUserPoolClient;
  /** An origin allowed to call the API directly; the app itself calls it through its own origin. */
  readonly corsOrigin: string | undefined;
}

/**
 * The demo API (the routes of dev/demoRoutes.js) as one Lambda behind a REST API whose every
 * route is guarded by the pool's Cognito authorizer, which reads the raw ID token from
 * `Authorization`, as authchart's `auth.fetch` sends it. Regional: CloudFront is in front.
 */
export class DemoApi extends Construct {
  static readonly STAGE_NAME = 'v1';
  readonly restApi: apigateway.RestApi;
  /**
   * `<api id>.execute-api.<region>.<suffix>`, from the API's id alone. CloudFront's origin is
   * built from this, not from `restApi.url`: that names the deployed stage, so the distribution
   * would wait for the stage, its methods, the Lambda, the app client's id in its environment,
   * and that client names the distribution in its callback URLs: a cycle.
   */
  readonly domainName: string;

  constructor(scope: Construct, id: string, { stage, userPool, client, corsOrigin }: DemoApiProps) {
    super(scope, id);
    const handler = new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: bundledCode(fileURLToPath(new URL('../lambda/demoApiHandler.ts', import.meta.url))),
      environment: { APP_CLIENT_ID: client.userPoolClientId, ...(corsOrigin ? { CORS_ORIGIN: corsOrigin } : {}) },
      memorySize: 256,
      timeout: Duration.seconds(5),
      logGroup: new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH }),
    });

    this.restApi = new apigateway.RestApi(this, 'RestApi', {
      restApiName: `authchart-${stage}-demo-api`,
      endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
      // The account-wide logging role is an account decision, not this stack's.
      cloudWatchRole: false,
      // A demo open to anyone who signs up: a ceiling on what it can cost.
      deployOptions: { stageName: DemoApi.STAGE_NAME, throttlingRateLimit: 20, throttlingBurstLimit: 40 },
      ...(corsOrigin
        ? { defaultCorsPreflightOptions: { allowOrigins: [corsOrigin], allowMethods: ['GET'], allowHeaders: ['Authorization'], maxAge: Duration.hours(1) } }
        : {}),
    });
    if (corsOrigin) {
      // The authorizer's own 401s and 403s: without the header, the browser hides them from
      // auth.fetch, which then cannot refresh and retry.
      for (const [name, type] of [['Default4xx', apigateway.ResponseType.DEFAULT_4XX], ['Default5xx', apigateway.ResponseType.DEFAULT_5XX]] as const) {
        this.restApi.addGatewayResponse(name, { type, responseHeaders: { 'Access-Control-Allow-Origin': `'${corsOrigin}'` } });
      }
    }

    const stack = Stack.of(this);
    this.domainName = `${this.restApi.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}`;

    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [userPool] });
    const integration = new apigateway.LambdaIntegration(handler);
    for (const path of Object.keys(DEMO_ROUTES)) {
      this.restApi.root.resourceForPath(path).addMethod('GET', integration, {
        authorizer,
        authorizationType: apigateway.AuthorizationType.COGNITO,
      });
    }
  }
}

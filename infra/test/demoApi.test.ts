// The demo API behind API Gateway: the routes of dev/demoRoutes.js, each behind the pool's
// Cognito authorizer, served by the bundled Lambda; CORS only for an origin that asks for it.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DEMO_ROUTES } from '../../dev/demoRoutes.js';
import { onlyResource, synthTemplate } from './support/synthTemplate.js';

/** The demo API's Lambda (the stack has another: the bucket's auto-delete provider). */
const DEMO_LAMBDA = { Environment: { Variables: Match.objectLike({ APP_CLIENT_ID: Match.anyValue() }) } };

type Resources = Record<string, { Properties: Record<string, unknown> }>;

/** Each method of the REST API by `<HTTP method> <path>`, the path rebuilt from its resources. */
function methodsByRoute(template: Template): Map<string, Record<string, unknown>> {
  const resources = template.findResources('AWS::ApiGateway::Resource') as Resources;
  const pathOf = (ref: unknown): string => {
    const id = (ref as { Ref?: string }).Ref;
    const resource = id ? resources[id] : undefined;
    if (!resource) return ''; // the API's root
    return `${pathOf(resource.Properties['ParentId'])}/${String(resource.Properties['PathPart'])}`;
  };
  const methods = Object.values(template.findResources('AWS::ApiGateway::Method') as Resources);
  return new Map(methods.map(({ Properties: method }) => [`${String(method['HttpMethod'])} ${pathOf(method['ResourceId']) || '/'}`, method]));
}

describe('the REST API', () => {
  const template = synthTemplate();
  const authorizerId = Object.keys(template.findResources('AWS::ApiGateway::Authorizer'))[0];

  it('has exactly one GET per demo route, and nothing else', () => {
    expect([...methodsByRoute(template).keys()].sort()).toEqual(Object.keys(DEMO_ROUTES).map((path) => `GET ${path}`).sort());
  });

  it('guards every route with the user pool’s Cognito authorizer, reading Authorization', () => {
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('UserPool'), 'Arn'] }],
    });
    for (const method of methodsByRoute(template).values()) {
      expect(method).toMatchObject({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: authorizerId } });
    }
  });

  it('sends every route to the bundled Lambda as a proxy integration', () => {
    const lambdaId = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: DEMO_LAMBDA }))[0];
    for (const method of methodsByRoute(template).values()) {
      expect(method['Integration']).toMatchObject({ Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' });
      expect(JSON.stringify(method['Integration'])).toContain(`"${lambdaId}"`);
    }
  });

  it('is regional, throttled, and creates no account-wide logging role', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })],
    });
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  it('gives the Lambda the app client’s id, Node 22 on ARM, and no CORS', () => {
    const handler = onlyResource(template, 'AWS::Lambda::Function', DEMO_LAMBDA);
    expect(handler).toMatchObject({ Handler: 'index.handler', Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    expect(handler['Environment']).toEqual({ Variables: { APP_CLIENT_ID: { Ref: expect.stringMatching(/AppClient/) } } });
    expect([...methodsByRoute(template).keys()].filter((route) => route.startsWith('OPTIONS'))).toEqual([]);
    template.resourceCountIs('AWS::ApiGateway::GatewayResponse', 0);
  });
});

describe('corsOrigin', () => {
  const origin = 'https://app.example.com';
  const template = synthTemplate({ corsOrigin: origin });

  it('answers preflights for that origin without the authorizer (browsers send no token there)', () => {
    const preflights = [...methodsByRoute(template)].filter(([route]) => route.startsWith('OPTIONS '));
    expect(preflights.map(([route]) => route)).toEqual(expect.arrayContaining(Object.keys(DEMO_ROUTES).map((path) => `OPTIONS ${path}`)));
    for (const [, method] of preflights) {
      expect(method['AuthorizationType']).toBe('NONE');
      expect(JSON.stringify(method['Integration'])).toContain(`'${origin}'`);
    }
  });

  it('keeps the authorizer on every GET', () => {
    const gets = [...methodsByRoute(template)].filter(([route]) => route.startsWith('GET '));
    expect(gets).toHaveLength(Object.keys(DEMO_ROUTES).length);
    for (const [, method] of gets) expect(method['AuthorizationType']).toBe('COGNITO_USER_POOLS');
  });

  it('lets the authorizer’s own 4xx and the Lambda’s answers through to that origin', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'DEFAULT_4XX',
      ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': `'${origin}'` },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ CORS_ORIGIN: origin }) } });
  });
});

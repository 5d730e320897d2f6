// The hosted app: a private bucket that only this distribution reads, the demo API on the same
// origin, the app's pages served by its shell, and the upload of a build when there is one.
import { Match } from 'aws-cdk-lib/assertions';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { onlyResource, synthTemplate } from './support/synthTemplate.js';

type Statement = { Effect: string; Principal?: unknown; Action: string | string[]; Condition?: unknown };

describe('the bucket', () => {
  const template = synthTemplate();

  it('blocks every kind of public access and is no website', () => {
    const bucket = onlyResource(template, 'AWS::S3::Bucket');
    expect(bucket['PublicAccessBlockConfiguration']).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket['OwnershipControls']).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(bucket['WebsiteConfiguration']).toBeUndefined();
  });

  it('lets CloudFront read objects for this distribution only, and nobody else in', () => {
    const statements = (onlyResource(template, 'AWS::S3::BucketPolicy')['PolicyDocument'] as { Statement: Statement[] }).Statement;
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    const cloudFront = allows.filter((statement) => JSON.stringify(statement.Principal) === '{"Service":"cloudfront.amazonaws.com"}');
    expect(cloudFront).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', expect.arrayContaining([{ Ref: expect.stringMatching(/Distribution/) }])] } } },
      }),
    ]);
    // The only other reader: the role that empties the bucket when the stack is deleted.
    for (const statement of allows.filter((statement) => !cloudFront.includes(statement))) {
      expect(statement.Principal).toEqual({ AWS: { 'Fn::GetAtt': [expect.stringMatching(/AutoDeleteObjects/), 'Arn'] } });
    }
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });
});

describe('the distribution', () => {
  const template = synthTemplate();
  const config = onlyResource(template, 'AWS::CloudFront::Distribution')['DistributionConfig'] as Record<string, unknown>;
  const origins = config['Origins'] as Record<string, unknown>[];
  const originOf = (behavior: Record<string, unknown>) => origins.find((origin) => origin['Id'] === behavior['TargetOriginId']);
  const defaultBehavior = config['DefaultCacheBehavior'] as Record<string, unknown>;
  const [apiBehavior, ...others] = config['CacheBehaviors'] as Record<string, unknown>[];

  it('reads the bucket through origin access control (signed requests, no legacy identity)', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    expect(originOf(defaultBehavior)).toMatchObject({
      DomainName: { 'Fn::GetAtt': [expect.stringMatching(/Bucket/), 'RegionalDomainName'] },
      OriginAccessControlId: { 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
  });

  it('serves the app over https only, with the security headers', () => {
    expect(defaultBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: { Ref: expect.stringMatching(/SecurityHeaders/) },
    });
  });

  it('sends /api/* to the API’s stage, uncached, with the caller’s Authorization, and the same headers', () => {
    expect(others).toEqual([]);
    expect(apiBehavior).toMatchObject({
      PathPattern: '/api/*',
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS'],
      // Managed policies: CachingDisabled, AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      ResponseHeadersPolicyId: defaultBehavior['ResponseHeadersPolicyId'],
    });
    expect(apiBehavior && originOf(apiBehavior)).toMatchObject({
      DomainName: { 'Fn::Join': ['', [{ Ref: expect.stringMatching(/RestApi/) }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
      OriginPath: '/v1',
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
  });

  it('serves the app’s shell for its pages, and files as they are', () => {
    const fn = onlyResource(template, 'AWS::CloudFront::Function');
    expect(fn['FunctionConfig']).toMatchObject({ Runtime: 'cloudfront-js-2.0' });
    expect(defaultBehavior['FunctionAssociations']).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/AppShell/), 'FunctionARN'] } },
    ]);
    // The function's own code, run as CloudFront would call it.
    const handler = new Function(`${String(fn['FunctionCode'])}; return handler;`)() as (event: unknown) => { uri: string };
    const uriFor = (uri: string) => handler({ request: { uri } }).uri;
    expect(['/', '/sign-in', '/account/security', '/dashboard'].map(uriFor)).toEqual(Array(4).fill('/index.html'));
    expect(['/index.html', '/assets/index-Ab12.js', '/assets/app-Cd34.css', '/favicon.svg'].map(uriFor)).toEqual([
      '/index.html',
      '/assets/index-Ab12.js',
      '/assets/app-Cd34.css',
      '/favicon.svg',
    ]);
  });
});

describe('the app upload', () => {
  it('is left out before the first build', () => {
    synthTemplate().resourceCountIs('Custom::CDKBucketDeployment', 0);
  });

  it('uploads a build to the bucket and invalidates the distribution', () => {
    const appDir = fileURLToPath(new URL('./fixtures/app', import.meta.url));
    synthTemplate({}, appDir).hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: Match.stringLikeRegexp('Bucket') },
      DistributionId: { Ref: Match.stringLikeRegexp('Distribution') },
      DistributionPaths: ['/*'],
      Prune: true,
    });
  });
});

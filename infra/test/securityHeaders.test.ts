// One source for the headers: what CloudFront sends for the deployed stack is what `vite preview`
// sends (dev/cspPlugin.js) for an app built with the env file the stack's outputs give.
import { parseEnv } from 'node:util';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { connectOrigins, contentSecurityPolicy } from '../../dev/cspPlugin.js';
import { securityHeaders } from '../../dev/securityHeaders.js';
import { appEnvFile } from '../lib/appEnvFile.js';
import { responseSecurityHeaders } from '../lib/responseSecurityHeaders.js';
import { resolveIntrinsics } from './support/resolveIntrinsics.js';
import { onlyResource, synthTemplate } from './support/synthTemplate.js';

const HOSTED_UI = { hostedUi: 'true', domainPrefix: 'authchart-test-1' };

/** A deploy of the stack to eu-west-1, as far as the headers and the outputs go. */
function deploy(context: Record<string, string>) {
  const template = synthTemplate(context);
  const idOf = (type: string) => Object.keys(template.findResources(type))[0] ?? '';
  const refs: Record<string, string> = {
    'AWS::Region': 'eu-west-1',
    'AWS::URLSuffix': 'amazonaws.com',
    [idOf('AWS::Cognito::UserPool')]: 'eu-west-1_AbC123xyZ',
    [idOf('AWS::Cognito::UserPoolClient')]: '1example23456789',
    [idOf('AWS::Cognito::UserPoolDomain')]: context['domainPrefix'] ?? '',
    [`${idOf('AWS::CloudFront::Distribution')}.DomainName`]: 'd111111abcdef8.cloudfront.net',
    [idOf('AWS::ApiGateway::RestApi')]: 'a1b2c3d4e5',
    [idOf('AWS::ApiGateway::Stage')]: 'v1',
  };
  const outputs = Object.fromEntries(
    Object.entries((template.toJSON() as { Outputs: Record<string, { Value: unknown }> }).Outputs).map(([key, { Value }]) => [key, resolveIntrinsics(Value, refs)]),
  );
  return { env: parseEnv(appEnvFile('Authchart-test', outputs)), cloudFront: cloudFrontHeaders(template, refs) };
}

/** The response headers policy's settings, read back as the headers CloudFront adds. */
function cloudFrontHeaders(template: Template, refs: Record<string, string>): Record<string, string> {
  const policy = onlyResource(template, 'AWS::CloudFront::ResponseHeadersPolicy')['ResponseHeadersPolicyConfig'] as {
    SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    CustomHeadersConfig?: unknown;
  };
  expect(policy.CustomHeadersConfig).toBeUndefined();
  const settings = policy.SecurityHeadersConfig;
  for (const setting of Object.values(settings)) expect(setting['Override']).toBe(true);
  const { ContentSecurityPolicy, ContentTypeOptions, FrameOptions, ReferrerPolicy, StrictTransportSecurity, ...others } = settings;
  expect(others).toEqual({});
  return {
    'Content-Security-Policy': resolveIntrinsics(ContentSecurityPolicy?.['ContentSecurityPolicy'], refs),
    'X-Frame-Options': String(FrameOptions?.['FrameOption']),
    ...(ContentTypeOptions ? { 'X-Content-Type-Options': 'nosniff' } : {}),
    'Referrer-Policy': String(ReferrerPolicy?.['ReferrerPolicy']),
    'Strict-Transport-Security': `max-age=${String(StrictTransportSecurity?.['AccessControlMaxAgeSec'])}${StrictTransportSecurity?.['IncludeSubdomains'] ? '; includeSubDomains' : ''}`,
  };
}

describe.each([
  ['without managed login', {}, ['https://cognito-idp.eu-west-1.amazonaws.com']],
  ['with managed login', HOSTED_UI, ['https://cognito-idp.eu-west-1.amazonaws.com', 'https://authchart-test-1.auth.eu-west-1.amazoncognito.com']],
])('%s', (_name, context, origins) => {
  const { env, cloudFront } = deploy(context);

  it('CloudFront’s Content-Security-Policy equals the one vite preview sends for the same app', () => {
    expect(cloudFront['Content-Security-Policy']).toBe(contentSecurityPolicy(env));
  });

  it('lets the app connect to its own origin, the pool’s Cognito endpoint and its domain, nothing else', () => {
    expect(connectOrigins(env)).toEqual(origins);
    expect(cloudFront['Content-Security-Policy']).toContain(`connect-src 'self' ${origins.join(' ')};`);
  });

  it('sends every header of dev/securityHeaders.js, plus HSTS, and nothing else', () => {
    const { 'Strict-Transport-Security': hsts, ...shared } = cloudFront;
    expect(shared).toEqual(securityHeaders(connectOrigins(env)));
    expect(hsts).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('responseSecurityHeaders', () => {
  it('refuses a header it cannot express, rather than drop it', () => {
    expect(() => responseSecurityHeaders({ ...securityHeaders([]), 'Permissions-Policy': 'camera=()' })).toThrow(/Permissions-Policy/);
    expect(() => responseSecurityHeaders({ ...securityHeaders([]), 'X-Frame-Options': 'ALLOW-FROM https://example.com' })).toThrow(/X-Frame-Options/);
  });
});

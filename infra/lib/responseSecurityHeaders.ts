import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';

const FRAME_OPTIONS: Record<string, cloudfront.HeadersFrameOption> = {
  DENY: cloudfront.HeadersFrameOption.DENY,
  SAMEORIGIN: cloudfront.HeadersFrameOption.SAMEORIGIN,
};

/**
 * CloudFront's security-headers settings for the headers of dev/securityHeaders.js. CloudFront
 * takes these headers only as typed settings (as custom headers it refuses them), so each is
 * translated here, and a header this does not know stops the synth instead of going missing in
 * production. Every setting overrides what an origin sends. HSTS is added here, not shared: the
 * app is served over https only from CloudFront.
 * @param headers  header name → value, as `securityHeaders()` returns them
 */
export function responseSecurityHeaders(headers: Record<string, string>): cloudfront.ResponseSecurityHeadersBehavior {
  let behavior: cloudfront.ResponseSecurityHeadersBehavior = {
    strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
  };
  for (const [name, value] of Object.entries(headers)) {
    behavior = { ...behavior, ...setting(name, value) };
  }
  return behavior;
}

function setting(name: string, value: string): cloudfront.ResponseSecurityHeadersBehavior {
  switch (name.toLowerCase()) {
    case 'content-security-policy':
      return { contentSecurityPolicy: { contentSecurityPolicy: value, override: true } };
    case 'x-content-type-options':
      if (value !== 'nosniff') break;
      return { contentTypeOptions: { override: true } };
    case 'x-frame-options': {
      const frameOption = FRAME_OPTIONS[value];
      if (!frameOption) break;
      return { frameOptions: { frameOption, override: true } };
    }
    case 'referrer-policy': {
      const referrerPolicy = Object.values(cloudfront.HeadersReferrerPolicy).find((policy) => policy === value);
      if (!referrerPolicy) break;
      return { referrerPolicy: { referrerPolicy, override: true } };
    }
  }
  throw new Error(`${name}: ${value}: no CloudFront security-header setting for it; translate it in infra/lib/responseSecurityHeaders.ts`);
}

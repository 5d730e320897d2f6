import { fileURLToPath } from 'node:url';
import {
  RemovalPolicy,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_s3 as s3,
  aws_s3_deployment as s3deploy,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { securityHeaders } from '../../dev/securityHeaders.js';
import { responseSecurityHeaders } from './responseSecurityHeaders.js';

export interface AppHostingProps {
  readonly stage: string;
  /** The demo API's host and stage (see DemoApi.domainName). */
  readonly api: { readonly domainName: string; readonly stageName: string };
  /** What the app calls besides its own origin (Cognito, the managed-login domain), for connect-src. */
  readonly connectOrigins: readonly string[];
  /** The built app (`vite build` output with this stack's VITE_* values); none yet on a first deploy. */
  readonly appDir: string | undefined;
}

/**
 * The built app on a private bucket behind CloudFront, with the demo API on the same origin
 * under /api/* (the app calls `/api/…` relative to itself: no CORS, and connect-src 'self'
 * covers it). Every response, the API's included, carries the headers `vite preview` sends.
 */
export class AppHosting extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, { stage, api, connectOrigins, appDir }: AppHostingProps) {
    super(scope, id);
    const bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Only build output lives here; the next deploy puts it back.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const headersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `authchart-${stage}-security-headers`,
      securityHeadersBehavior: responseSecurityHeaders(securityHeaders(connectOrigins)),
    });
    const appShell = new cloudfront.Function(this, 'AppShellRewrite', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromFile({
        filePath: fileURLToPath(new URL('../cloudfront/appShellRewrite.js', import.meta.url)),
      }),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `authchart ${stage}: the demo app and its API`,
      defaultRootObject: 'index.html',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        // Origin access control: only this distribution may read the bucket.
        origin: origins.S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headersPolicy,
        functionAssociations: [{ function: appShell, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(api.domainName, { originPath: `/${api.stageName}` }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
          // Answers depend on the caller's token: never cached. With caching off, this policy
          // forwards Authorization; the Host header stays API Gateway's own.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headersPolicy,
        },
      },
    });

    if (appDir) {
      new s3deploy.BucketDeployment(this, 'App', {
        sources: [s3deploy.Source.asset(appDir)],
        destinationBucket: bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
      });
    }
  }
}

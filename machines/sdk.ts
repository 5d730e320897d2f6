// A separate entry for the AWS SDK transport, so that importing machines/index.ts never loads
// the SDK (about 52 KB gzip in a browser; an optional peer here).
export { sdkTransport } from './cognito/sdkTransport.js';

// CloudFormation refuses a template whose resources depend on each other in a circle, and says so
// only at deploy time. The app client names the distribution (callback URLs), the distribution
// fronts the API, the API's Lambda names the client: a cycle is one careless origin away (see
// DemoApi.domainName). Template.fromStack refuses a cyclic template ("Template is undeployable").
import { expect, it } from 'vitest';
import { synthTemplate } from './support/synthTemplate.js';

const EVERYTHING = {
  hostedUi: 'true',
  domainPrefix: 'authchart-test-1',
  choiceBased: 'true',
  passkeyRelyingPartyId: 'app.example.com',
  passwordAuth: 'true',
  customAuth: 'true',
  mfa: 'required',
  mfaFactors: 'totp,sms,email',
  sesFromEmail: 'no-reply@example.com',
  sesRegion: 'eu-west-1',
  deviceTracking: 'true',
  corsOrigin: 'https://app.example.com',
};

it('has no dependency cycle, with every option on', () => {
  expect(() => synthTemplate(EVERYTHING)).not.toThrow();
});

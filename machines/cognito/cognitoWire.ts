/**
 * Cognito's request and response JSON for the user-pool operations authchart calls, as the API
 * reference names and nests it: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_<Operation>.html
 * (e.g. API_InitiateAuth.html). authchart's own copy, so that the core's declarations name no
 * optional peer: an app without the AWS SDK installed type-checks with `skipLibCheck` off.
 * test/unit/cognito/cognitoWire.types.test.ts holds these to the SDK's generated types both ways.
 * One file per area under wire/, gathered here.
 *
 * Requests are what authchart sends: required members are required. Responses are what it reads:
 * every member may be missing (emulators omit some, e.g. `ExpiresIn`) and is read defensively, so
 * each is `?: T | undefined` (as the SDK writes them, so that SDK outputs fit under
 * `exactOptionalPropertyTypes` too). Enum-like members are the SDK's unions, so the two stay
 * interchangeable without casts; Cognito may add values, which the code treats as unknown.
 */
export type * from './wire/sessionWire.js';
export type * from './wire/accountWire.js';
export type * from './wire/passkeyWire.js';
export type * from './wire/deviceWire.js';

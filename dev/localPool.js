// The local user pool seeded into cognito-local (dev/seed/). This is the one
// place these values are written down in code; the seed files must agree
// (test/integration/cognitoLocal.test.ts checks that).

/**
 * @typedef {object} LocalPool
 * @property {string} region
 * @property {string} userPoolId
 * @property {string} clientId       the app's client: ID and access tokens live 5 minutes
 * @property {string} shortClientId  tokens live 30 seconds, for expiry tests
 * @property {string} otherClientId  a second client, to make "a token of another client"
 * @property {{ username: string, password: string, sub: string, email: string }} demoUser  confirmed user, no MFA
 * @property {string} confirmationCode  every code the emulator sends (sign-up, password reset)
 * @property {{ username: string, password: string, sub: string, email: string }} providerUser
 *   who signs in on the local OpenID provider's page (managed login), a user of its own
 */

/** @type {Readonly<LocalPool>} */
export const LOCAL_POOL = Object.freeze({
  region: 'us-east-1',
  userPoolId: 'us-east-1_LocalDev1',
  clientId: 'authchartlocalappclient001',
  shortClientId: 'authchartlocalshortclient1',
  otherClientId: 'authchartlocalotherclient1',
  demoUser: Object.freeze({ username: 'demo', password: 'Demo-passw0rd!', sub: '7c9e6679-7425-40de-944b-e07fc1f90ae7', email: 'demo@example.com' }),
  confirmationCode: '123456',
  providerUser: Object.freeze({
    username: 'alice',
    password: 'Alice-passw0rd!',
    sub: 'a11ce000-0000-4000-8000-00000000a11c',
    email: 'alice@example.com',
  }),
});

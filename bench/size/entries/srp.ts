// The SRP code on its own (its share of the core): what the default sign-in adds to a client.
import { passwordClaim } from '../../../machines/srp/passwordClaim.js';
import { startSrp } from '../../../machines/srp/startSrp.js';

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const secret = startSrp();
  const answer = await passwordClaim({ realm: 'pool', password: 'pw', secret, parameters: {}, username: 'user', now: Date.now() });
  document.body.append(secret.A.toString(16), JSON.stringify(answer));
});

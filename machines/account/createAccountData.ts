import { createActor, type Actor } from 'xstate';
import type { Auth } from '../createAuth.js';
import type { AccountUser, AttributeCodeDelivery } from './AccountDataContext.js';
import { accountDataMachine } from './accountDataMachine.js';
import { followSession } from './followSession.js';
import { performRequest } from './performRequest.js';
import { signedInUserOf } from './signedInUserOf.js';

export type AccountDataActor = Actor<typeof accountDataMachine>;

export interface AccountData {
  /** The running actor: `subscribe`, `getSnapshot` (user, codeDeliveries, notice, error). */
  actor: AccountDataActor;
  /** GetUser: attributes, MFA methods turned on and the preferred one, username. */
  getUser(): Promise<AccountUser>;
  /**
   * UpdateUserAttributes. Resolves with where Cognito sent codes for the changed attributes that
   * need verifying (an email, a phone number): ask for the code, then `verifyUserAttribute`.
   */
  updateUserAttributes(attributes: Record<string, string>): Promise<AttributeCodeDelivery[]>;
  /** GetUserAttributeVerificationCode: a new code for an attribute (the last one no longer counts). */
  sendUserAttributeVerificationCode(attributeName: string): Promise<AttributeCodeDelivery>;
  verifyUserAttribute(attributeName: string, code: string): Promise<void>;
  deleteUserAttributes(attributeNames: string[]): Promise<void>;
  /** DeleteUser, for good; the session then ends in every tab with reason `deleted`. */
  deleteUser(): Promise<void>;
  stop(): void;
}

/**
 * The signed-in user's own data for an app created with `createAuth`, from the `authchart/account`
 * entry. Requests use the auth's tokens (refreshed first when due) and ports; when the session
 * ends, or another user signs in, everything of the last user is forgotten, and a request in
 * flight rejects as `interrupted`.
 */
export function createAccountData(auth: Auth): AccountData {
  const { config, ports } = auth.actor.getSnapshot().context;
  const actor = createActor(accountDataMachine, {
    input: { config, ports, signedInUser: () => signedInUserOf(auth), userDeleted: () => auth.actor.send({ type: 'ACCOUNT_DELETED' }) },
  });
  actor.start();
  const unfollow = followSession(auth, actor);

  return {
    actor,
    async getUser() {
      const after = await performRequest(actor, { type: 'GET_USER' });
      return after.context.user!;
    },
    async updateUserAttributes(attributes) {
      const after = await performRequest(actor, { type: 'UPDATE_USER_ATTRIBUTES', attributes });
      const changed = new Set(Object.keys(attributes).map((name) => name.trim()));
      return after.context.codeDeliveries.filter((delivery) => changed.has(delivery.attributeName));
    },
    async sendUserAttributeVerificationCode(attributeName) {
      const after = await performRequest(actor, { type: 'SEND_VERIFICATION_CODE', attributeName });
      return after.context.codeDeliveries.at(-1)!;
    },
    async verifyUserAttribute(attributeName, code) {
      await performRequest(actor, { type: 'VERIFY_USER_ATTRIBUTE', attributeName, code });
    },
    async deleteUserAttributes(attributeNames) {
      await performRequest(actor, { type: 'DELETE_USER_ATTRIBUTES', attributeNames });
    },
    async deleteUser() {
      await performRequest(actor, { type: 'DELETE_USER' });
    },
    stop() {
      unfollow();
      actor.stop();
    },
  };
}

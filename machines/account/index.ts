// The `authchart/account` entry: sign-up and password reset, paid for only by apps that offer them.
export { createAccountFlows } from './createAccountFlows.js';
export type { AccountActor, AccountFlows, AccountStep } from './createAccountFlows.js';
export { accountMachine } from './accountMachine.js';
export type { AccountContext, AccountEvent, AccountNotice, CodeDelivery } from './AccountContext.js';

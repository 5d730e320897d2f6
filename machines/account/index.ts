// The `authchart/account` entry: sign-up and password reset (createAccountFlows), the signed-in
// user's settings (createAccountSettings) and own data (createAccountData), each a chart of its
// own, paid for only by apps that use it.
export { createAccountFlows } from './createAccountFlows.js';
export type { AccountActor, AccountFlows, AccountStep } from './createAccountFlows.js';
export { accountMachine } from './accountMachine.js';
export type { AccountContext, AccountEvent, AccountNotice, CodeDelivery } from './AccountContext.js';
export { createAccountSettings } from './createAccountSettings.js';
export type { AccountSettings, SettingsActor } from './createAccountSettings.js';
export { settingsMachine } from './settingsMachine.js';
export type { SettingsContext, SettingsEvent, SettingsNotice, SignedInUser } from './SettingsContext.js';
export type { MfaPreference } from './mfaPreferenceRequest.js';
export type { MfaMethod } from './MfaMethod.js';
export { createAccountData } from './createAccountData.js';
export type { AccountData, AccountDataActor } from './createAccountData.js';
export { accountDataMachine } from './accountDataMachine.js';
export type { AccountDataContext, AccountDataEvent, AccountDataNotice, AccountUser, AttributeCodeDelivery } from './AccountDataContext.js';

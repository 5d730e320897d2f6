import type { AccountDataNotice, AccountNotice, SettingsNotice } from '../../machines/account/index.js';
import { AuthError, type AuthErrorCode, type SessionEndReason } from '../../machines/index.js';

/**
 * What to tell a person for each AuthError code. One map, so every screen says the same thing;
 * typed as a full Record, so a new code in machines/ fails the type check until it has a message.
 */
export const AUTH_ERROR_MESSAGES: Readonly<Record<AuthErrorCode, string>> = {
  invalidCredentials: 'Incorrect username or password.',
  userNotConfirmed: 'This account is not confirmed yet. Confirm it with the code we sent you, then sign in.',
  passwordResetRequired: 'You need to reset your password before you can sign in.',
  refreshRejected: 'Your session has ended. Please sign in again.',
  tooManyRequests: 'Too many attempts. Wait a moment, then try again.',
  network: 'Cannot reach the sign-in service. Check your connection and try again.',
  timeout: 'The sign-in service took too long to answer. Try again in a moment.',
  offline: 'You seem to be offline. Your session will carry on once the connection is back.',
  serviceUnavailable: 'The sign-in service is having trouble. Try again in a moment.',
  unsupportedOperation: 'That is not supported by this user pool service.',
  invalidRequest: 'Please check what you entered and try again.',
  alreadySignedIn: 'You are already signed in.',
  notAuthorized: 'You are not allowed to do that.',
  invalidToken: 'The sign-in service sent a session this app cannot use. Please sign in again.',
  invalidStorage: 'Your saved session could not be used, so you were signed out. Please sign in again.',
  storageUnavailable: 'This browser does not let the app save your session: you will be signed out when you reload or close the page.',
  invalidConfig: 'The app is not set up correctly. Please tell its administrators.',
  codeMismatch: 'That code is not right. Check it and try again.',
  codeExpired: 'That code has expired. Ask for a new one.',
  usernameExists: 'That username is taken. Choose another one.',
  invalidPassword: 'That password does not meet the requirements. Choose a longer or more varied one.',
  challengeExpired: 'The sign-in took too long. Please start again.',
  unsupportedChallenge: 'Your account needs a sign-in step this app cannot do yet.',
  invalidResponse: 'The sign-in service answered in a way this app cannot use. Please try again.',
  authFlowNotEnabled: 'This app is not allowed to sign in this way; its administrator needs to change the app client or the app.',
  userNotFound: 'There is no account with that username.',
  codeDeliveryFailed: 'We could not send you a code. Try again later.',
  notSignedIn: 'Please sign in to continue.',
  sessionExpired: 'Your session has expired. Please sign in again.',
  sessionRevoked: 'Your session was ended elsewhere. Please sign in again.',
  interrupted: 'That did not finish because your session changed meanwhile. Please try again.',
  accessDenied: 'The sign-in was cancelled. You can try again, or sign in another way.',
  redirectFailed: 'The sign-in could not be completed. Please start again.',
  passkeyCancelled: 'No passkey was used. Try again, or choose another way to sign in.',
  passkeyUnavailable: 'A passkey cannot be used in this browser. Choose another way to sign in.',
  passkeyRefused: 'That passkey is no longer accepted for this account. Choose another way to sign in.',
  deviceForgotten: 'This device is no longer remembered for your account. Please sign in again.',
  unknown: 'Something went wrong. Please try again.',
};

/** Why the last session ended, in words, for the sign-in page and the re-auth dialog. */
export const SESSION_END_MESSAGES: Readonly<Record<SessionEndReason, string>> = {
  user: 'You have signed out.',
  expired: 'Your session has expired. Sign in again to carry on where you were.',
  revoked: 'Your session was ended elsewhere. Sign in again to carry on where you were.',
  invalidStorage: 'Your saved session could not be used. Please sign in again.',
  challengeExpired: 'The sign-in took too long to complete. Please start again.',
  otherTab: 'You signed out in another tab.',
  idle: 'You were signed out after a period of inactivity.',
  maxAge: 'Your session reached its time limit. Please sign in again.',
  deleted: 'Your account has been deleted, and you are signed out.',
};

/** What the last account step or settings request achieved (their `context.notice`), in words. */
export const NOTICE_MESSAGES: Readonly<Record<SettingsNotice | AccountNotice | AccountDataNotice, string>> = {
  signUpCodeSent: 'We sent you a confirmation code.',
  signUpConfirmed: 'Your account is confirmed. Sign in to carry on.',
  codeResent: 'We sent you a new code.',
  resetCodeSent: 'We sent you a code to reset your password.',
  passwordReset: 'Your password has been reset. Sign in with the new one.',
  passwordChanged: 'Your password has been changed.',
  totpEnabled: 'Your authenticator app is set up: sign-in will ask for a code from it.',
  mfaPreferenceSaved: 'Your sign-in settings are saved.',
  attributesUpdated: 'Your details are saved.',
  verificationCodeSent: 'We sent you a new verification code.',
  attributeVerified: 'Verified: thank you.',
  attributesDeleted: 'Removed from your details.',
};

/** The human message for anything an auth call threw; never the raw error text. */
export function authErrorMessage(error: unknown): string {
  const code = error instanceof AuthError ? error.code : 'unknown';
  return AUTH_ERROR_MESSAGES[code] ?? AUTH_ERROR_MESSAGES.unknown;
}

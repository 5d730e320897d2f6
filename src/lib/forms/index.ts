// Everything for auth forms, apart from index.ts so that it stays out of the initial bundle:
// import this module lazily (`loadAuthForms()` from index.ts), or statically from a page that is
// itself loaded lazily. The components import ../authForms.css, the look they share.
export { default as ChallengeForm } from './ChallengeForm.svelte';
export { default as TotpSetupView } from './TotpSetupView.svelte';
export { default as QrCode } from './QrCode.svelte';
export { FormState } from './FormState.svelte.js';
export type { SubmitOptions } from './FormState.svelte.js';
export {
  checkConfirmationCode,
  checkEmail,
  checkFilled,
  checkMfaCode,
  checkNewPassword,
  isBlank,
  normalizeCode,
} from './formChecks.js';
export type { FieldProblem } from './formChecks.js';
export {
  attributeInput,
  attributeLabel,
  codeSentText,
  FIRST_FACTOR_LABELS,
  firstFactorOptions,
  MFA_TYPE_LABELS,
  mfaChoices,
  mfaCodeDigits,
  mfaCodePrompt,
  parseList,
  requiredAttributes,
} from './challengeDetails.js';
export { qrPath } from './qrPath.js';
export type { QrPath } from './qrPath.js';

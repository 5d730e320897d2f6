// The `authchart/choice` entry: choice-based sign-in (USER_AUTH: the password, a code by email or
// SMS, a passkey), for `createAuth({ authFlow: 'USER_AUTH', choice: choiceBasedSignIn() })`.
// Passkeys also need `passkeys: browserPasskeys()` from `authchart/passkeys`.
export { choiceBasedSignIn } from './choiceBasedSignIn.js';
export type { AnswerWithPasskeyInput, ChoiceBasedSignInPort, ChooseFirstFactorInput, FirstFactorRequest } from './ChoiceBasedSignInPort.js';

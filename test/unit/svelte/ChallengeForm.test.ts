// The sign-in challenge forms over a scripted Cognito: what is sent, what is said, what is kept.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { ChallengeForm } from '../../../src/lib/forms/index.js';
import { makeTokenSet } from '../../support/fakeTokens.js';
import AuthHost from './AuthHost.svelte';
import { authFixture, PASSWORD, type AuthFixture } from './authFixture.js';

let fixture: AuthFixture;

afterEach(() => {
  fixture?.auth.stop();
});

const tokens = () => {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
};

const challenge = (name: string, parameters: Record<string, string> = {}) => ({
  ChallengeName: name as never,
  Session: `session-for-${name}`,
  ChallengeParameters: { USER_ID_FOR_SRP: 'demo', ...parameters },
});

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const alert = () => screen.getByRole('alert').textContent;
const submitButton = (name: string) => screen.getByRole('button', { name });

/** Signs in to `first`, the challenge Cognito answers the password with, and shows the form. */
async function renderChallenge(first: ReturnType<typeof challenge>, script: (cognito: AuthFixture['cognito']) => void = () => {}) {
  fixture = authFixture();
  fixture.cognito.on('InitiateAuth', () => first);
  script(fixture.cognito);
  const onsignedin = vi.fn();
  const oncancel = vi.fn();
  render(AuthHost, { auth: fixture.auth, child: ChallengeForm, childProps: { onsignedin, oncancel } });
  await fixture.auth.signIn({ username: 'demo', password: PASSWORD });
  await screen.findByTestId('challenge-form');
  return { onsignedin, oncancel };
}

describe('ChallengeForm', () => {
  it('asks for the authenticator code, refuses a malformed one before any request, and clears a wrong one', async () => {
    const { onsignedin } = await renderChallenge(challenge('SOFTWARE_TOKEN_MFA'));
    fixture.cognito.on('RespondToAuthChallenge', (request) => {
      if (request.ChallengeResponses?.['SOFTWARE_TOKEN_MFA_CODE'] !== '123456') {
        throw new AuthError('codeMismatch', 'Invalid code received for user');
      }
      return tokens();
    });
    expect(screen.getByTestId('mfa-prompt').textContent).toBe('Enter the 6-digit code from your authenticator app.');
    expect(document.activeElement).toBe(input('Verification code'));

    await fireEvent.input(input('Verification code'), { target: { value: '12 34' } });
    await fireEvent.click(submitButton('Verify'));
    await vi.waitFor(() => expect(alert()).toBe('Enter the 6-digit code.'));
    expect(input('Verification code').getAttribute('aria-invalid')).toBe('true');
    expect(fixture.cognito.callsOf('RespondToAuthChallenge')).toEqual([]);

    await fireEvent.input(input('Verification code'), { target: { value: '654 321' } });
    await fireEvent.click(submitButton('Verify'));
    await vi.waitFor(() => expect(alert()).toBe('That code is not right. Check it and try again.'));
    expect(input('Verification code').value).toBe('');
    expect(fixture.auth.actor.getSnapshot().matches({ authenticating: 'mfaCode' })).toBe(true);

    await fireEvent.input(input('Verification code'), { target: { value: '123 456' } });
    await fireEvent.click(submitButton('Verify'));
    await vi.waitFor(() => expect(onsignedin).toHaveBeenCalledOnce());
    expect(fixture.cognito.callsOf('RespondToAuthChallenge')[1]!.input).toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ChallengeResponses: { USERNAME: 'demo', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });
    expect(screen.queryByTestId('challenge-form')).toBeNull();
  });

  it('says where an SMS or email code went', async () => {
    await renderChallenge(
      challenge('EMAIL_OTP', { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'd***@e***' }),
    );
    expect(screen.getByTestId('mfa-prompt').textContent).toBe('We sent a sign-in code by email to d***@e***. Enter it below.');
  });

  it('refuses a second submit while the first is in flight', async () => {
    await renderChallenge(challenge('SMS_MFA', { CODE_DELIVERY_DESTINATION: '+*******1234' }));
    let answer: (value: ReturnType<typeof tokens>) => void = () => {};
    fixture.cognito.on('RespondToAuthChallenge', () => new Promise((resolve) => (answer = resolve)));
    await fireEvent.input(input('Verification code'), { target: { value: '123456' } });
    const form = screen.getByTestId('challenge-form').querySelector('form')!;
    await fireEvent.submit(form);
    await fireEvent.submit(form);
    expect(submitButton('Checking…').hasAttribute('disabled')).toBe(true);
    answer(tokens());
    await vi.waitFor(() => expect(fixture.auth.actor.getSnapshot().matches('signedIn')).toBe(true));
    expect(fixture.cognito.callsOf('RespondToAuthChallenge')).toHaveLength(1);
  });

  it('asks for a new password twice and the attributes the pool requires; a mismatch costs no request', async () => {
    const { onsignedin } = await renderChallenge(
      challenge('NEW_PASSWORD_REQUIRED', { requiredAttributes: '["userAttributes.email","userAttributes.given_name"]' }),
    );
    fixture.cognito.on('RespondToAuthChallenge', () => tokens());
    await fireEvent.input(input('New password'), { target: { value: 'Chosen-passw0rd!' } });
    await fireEvent.input(input('Confirm new password'), { target: { value: 'Chosen-passw0rd?' } });
    await fireEvent.click(submitButton('Save and sign in'));
    await vi.waitFor(() => expect(alert()).toBe('The two passwords do not match.'));
    expect(input('Confirm new password').getAttribute('aria-invalid')).toBe('true');

    await fireEvent.input(input('Confirm new password'), { target: { value: 'Chosen-passw0rd!' } });
    await fireEvent.input(input('Email address'), { target: { value: 'not-an-email' } });
    await fireEvent.click(submitButton('Save and sign in'));
    await vi.waitFor(() => expect(alert()).toBe('Enter an email address like name@example.com.'));
    expect(fixture.cognito.callsOf('RespondToAuthChallenge')).toEqual([]);

    await fireEvent.input(input('Email address'), { target: { value: 'demo@example.com' } });
    await fireEvent.input(input('First name'), { target: { value: ' Dee ' } });
    await fireEvent.click(submitButton('Save and sign in'));
    await vi.waitFor(() => expect(onsignedin).toHaveBeenCalledOnce());
    expect(fixture.cognito.callsOf('RespondToAuthChallenge')[0]!.input).toMatchObject({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeResponses: {
        USERNAME: 'demo',
        NEW_PASSWORD: 'Chosen-passw0rd!',
        'userAttributes.email': 'demo@example.com',
        'userAttributes.given_name': 'Dee',
      },
    });
  });

  it('keeps the attributes but clears the passwords when the pool refuses the new password', async () => {
    await renderChallenge(challenge('NEW_PASSWORD_REQUIRED', { requiredAttributes: '["userAttributes.email"]' }));
    fixture.cognito.on('RespondToAuthChallenge', () => {
      throw new AuthError('invalidPassword', 'Password does not conform to policy: Password not long enough');
    });
    await fireEvent.input(input('New password'), { target: { value: 'short' } });
    await fireEvent.input(input('Confirm new password'), { target: { value: 'short' } });
    await fireEvent.input(input('Email address'), { target: { value: 'demo@example.com' } });
    await fireEvent.click(submitButton('Save and sign in'));
    await vi.waitFor(() => expect(alert()).toBe('That password does not meet the requirements. Choose a longer or more varied one.'));
    expect(input('New password').value).toBe('');
    expect(input('Confirm new password').value).toBe('');
    expect(input('Email address').value).toBe('demo@example.com');
  });

  it('offers the MFA methods Cognito lists, then asks for the code of the chosen one', async () => {
    await renderChallenge(challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }));
    fixture.cognito.on('RespondToAuthChallenge', (request) =>
      request.ChallengeName === 'SELECT_MFA_TYPE'
        ? challenge('SMS_MFA', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******1234' })
        : tokens(),
    );
    const sms = screen.getByRole('radio', { name: 'Text message (SMS)' }) as HTMLInputElement;
    const app = screen.getByRole('radio', { name: 'Authenticator app' }) as HTMLInputElement;
    expect(sms.checked).toBe(true);
    await fireEvent.click(app);
    await fireEvent.click(sms);
    await fireEvent.click(submitButton('Continue'));
    await screen.findByLabelText('Verification code');
    expect(fixture.cognito.callsOf('RespondToAuthChallenge')[0]!.input).toMatchObject({ ChallengeResponses: { ANSWER: 'SMS_MFA' } });
    expect(screen.getByTestId('mfa-prompt').textContent).toBe('We sent a sign-in code by text message to +*******1234. Enter it below.');
  });

  it('sets up TOTP during sign-in: the secret as a QR code and as text, then the first code', async () => {
    const { onsignedin } = await renderChallenge(challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }), (cognito) =>
      cognito
        .on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', Session: 'session-2' }))
        .on('VerifySoftwareToken', () => ({ Status: 'SUCCESS', Session: 'session-3' }))
        .on('RespondToAuthChallenge', () => tokens()),
    );
    const secret = await screen.findByTestId('totp-secret');
    expect(secret.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(screen.getByTestId('totp-uri').textContent).toMatch(/^otpauth:\/\/totp\/authchart:demo\?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP/);
    const qr = await screen.findByRole('img', { name: 'QR code that adds this account to an authenticator app' });
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);

    await fireEvent.input(input('Code from the app'), { target: { value: '123456' } });
    await fireEvent.click(submitButton('Verify and sign in'));
    await vi.waitFor(() => expect(onsignedin).toHaveBeenCalledOnce());
    expect(fixture.cognito.callsOf('VerifySoftwareToken')[0]!.input).toMatchObject({ Session: 'session-2', UserCode: '123456' });
  });

  it('cancels the sign-in', async () => {
    const { oncancel } = await renderChallenge(challenge('SOFTWARE_TOKEN_MFA'));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(oncancel).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(screen.queryByTestId('challenge-form')).toBeNull());
    expect(fixture.auth.actor.getSnapshot().matches('signedOut')).toBe(true);
  });

  it('answers a custom challenge as often as the trigger asks, showing its question each time', async () => {
    const { onsignedin } = await renderChallenge(challenge('CUSTOM_CHALLENGE', { question: 'What is 6 × 7?' }));
    fixture.cognito.on('RespondToAuthChallenge', (request) =>
      request.Session === 'session-for-CUSTOM_CHALLENGE'
        ? { ...challenge('CUSTOM_CHALLENGE', { question: 'And the magic word?' }), Session: 'second' }
        : tokens(),
    );
    expect(screen.getByTestId('custom-prompt').textContent).toBe('What is 6 × 7?');
    await fireEvent.click(submitButton('Continue'));
    await vi.waitFor(() => expect(alert()).toBe('Enter your answer.'));
    expect(fixture.cognito.callsOf('RespondToAuthChallenge')).toEqual([]);

    await fireEvent.input(input('Answer'), { target: { value: '42' } });
    await fireEvent.click(submitButton('Continue'));
    await vi.waitFor(() => expect(screen.getByTestId('custom-prompt').textContent).toBe('And the magic word?'));
    expect(input('Answer').value).toBe('');
    expect(document.activeElement).toBe(input('Answer'));
    expect(fixture.cognito.callsOf('RespondToAuthChallenge')[0]!.input).toMatchObject({ ChallengeResponses: { ANSWER: '42' } });

    await fireEvent.input(input('Answer'), { target: { value: 'please' } });
    await fireEvent.click(submitButton('Continue'));
    await vi.waitFor(() => expect(onsignedin).toHaveBeenCalled());
  });
});

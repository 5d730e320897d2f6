import { fromPromise } from 'xstate';
import { AuthError, toAuthError } from '../AuthError.js';
import type { CodeDeliveryDetailsType } from '../cognito/cognitoWire.js';
import { requireConfirmationCode } from '../validateInput.js';
import type { AccountUser, AttributeCodeDelivery } from './AccountDataContext.js';
import { accountUserOf } from './accountUserOf.js';
import { requireAttributeName, requireAttributeNames, requireAttributes } from './requireAttributes.js';
import type { SettingsInput } from './SettingsContext.js';

type RequestInput<Extra = object> = SettingsInput & Extra;

export const getUser = fromPromise<AccountUser, RequestInput>(async ({ input, signal }) => {
  const { accessToken } = await input.signedInUser();
  return accountUserOf(await input.ports.transport.call('GetUser', { AccessToken: accessToken }, { signal }));
});

/** Resolves with where Cognito sent codes for the changed attributes that need verifying. */
export const updateUserAttributes = fromPromise<AttributeCodeDelivery[], RequestInput<{ attributes: Record<string, string> }>>(
  async ({ input, signal }) => {
    const attributes = requireAttributes(input.attributes);
    const { accessToken } = await input.signedInUser();
    const output = await input.ports.transport
      .call('UpdateUserAttributes', { AccessToken: accessToken, UserAttributes: attributes }, { signal })
      .catch((error: unknown) => {
        throw withoutValues(error, attributes.map((attribute) => attribute.Name));
      });
    return (output.CodeDeliveryDetailsList ?? []).flatMap((details) =>
      details.AttributeName ? [codeDeliveryOf(details.AttributeName, details)] : [],
    );
  },
);

/** GetUserAttributeVerificationCode: a new code for an attribute waiting to be verified. */
export const sendVerificationCode = fromPromise<AttributeCodeDelivery, RequestInput<{ attributeName: string }>>(
  async ({ input, signal }) => {
    const attributeName = requireAttributeName(input.attributeName);
    const { accessToken } = await input.signedInUser();
    const output = await input.ports.transport.call(
      'GetUserAttributeVerificationCode',
      { AccessToken: accessToken, AttributeName: attributeName },
      { signal },
    );
    return codeDeliveryOf(attributeName, output.CodeDeliveryDetails);
  },
);

/**
 * The code comes as a function: the actor's input shows in snapshots and inspection, and
 * neither JSON nor authchart's redaction shows a function.
 */
export const verifyUserAttribute = fromPromise<{ attributeName: string }, RequestInput<{ attributeName: string; code: () => string }>>(
  async ({ input, signal }) => {
    const attributeName = requireAttributeName(input.attributeName);
    const code = requireConfirmationCode(input.code());
    const { accessToken } = await input.signedInUser();
    await input.ports.transport.call('VerifyUserAttribute', { AccessToken: accessToken, AttributeName: attributeName, Code: code }, { signal });
    return { attributeName };
  },
);

export const deleteUserAttributes = fromPromise<void, RequestInput<{ attributeNames: string[] }>>(async ({ input, signal }) => {
  const names = requireAttributeNames(input.attributeNames);
  const { accessToken } = await input.signedInUser();
  await input.ports.transport.call('DeleteUserAttributes', { AccessToken: accessToken, UserAttributeNames: names }, { signal });
});

export const deleteUser = fromPromise<void, RequestInput>(async ({ input, signal }) => {
  const { accessToken } = await input.signedInUser();
  await input.ports.transport.call('DeleteUser', { AccessToken: accessToken }, { signal });
});

function codeDeliveryOf(attributeName: string, details: CodeDeliveryDetailsType | undefined): AttributeCodeDelivery {
  return { attributeName, destination: details?.Destination, medium: details?.DeliveryMedium };
}

/**
 * Cognito's own words (kept for `invalidRequest` and `unknown`) may quote what was sent, as its
 * validation messages do ("Value '…' at 'userAttributes.1.member.value'…"). Attribute values are
 * personal data: such a message is replaced by one that names the attributes only.
 */
function withoutValues(error: unknown, names: string[]): AuthError {
  const failure = toAuthError(error);
  if (failure.cognitoName === undefined || (failure.code !== 'invalidRequest' && failure.code !== 'unknown')) return failure;
  return new AuthError(failure.code, `The user pool did not accept the change to ${names.join(', ')} (${failure.cognitoName}).`, {
    ...(failure.operation === undefined ? {} : { operation: failure.operation }),
    cognitoName: failure.cognitoName,
    ...(failure.status === undefined ? {} : { status: failure.status }),
  });
}

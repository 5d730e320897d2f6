// Remembered devices (see cognitoWire.ts).

/** API_DeviceSecretVerifierConfigType.html: the device's SRP verifier and salt, base64. */
export interface DeviceSecretVerifierConfigType {
  PasswordVerifier?: string;
  Salt?: string;
}

/** API_ConfirmDevice.html: remember the device Cognito named in NewDeviceMetadata. */
export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType;
  DeviceName?: string;
}

export interface ConfirmDeviceResponse {
  /** True on pools where the user opts in: the device is tracked, remembered only by UpdateDeviceStatus. */
  UserConfirmationNecessary?: boolean | undefined;
}

/** API_UpdateDeviceStatus.html#CognitoUserPools-UpdateDeviceStatus-request-DeviceRememberedStatus */
export type DeviceRememberedStatusType = 'remembered' | 'not_remembered';

/** API_UpdateDeviceStatus.html */
export interface UpdateDeviceStatusRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}

export type UpdateDeviceStatusResponse = Record<never, never>;

/** API_ForgetDevice.html */
export interface ForgetDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
}

export type ForgetDeviceResponse = Record<never, never>;

/** API_ListDevices.html */
export interface ListDevicesRequest {
  AccessToken: string;
  Limit?: number;
  PaginationToken?: string;
}

/** API_DeviceType.html: dates are seconds since the epoch on the wire, Dates from the SDK. */
export interface DeviceType {
  DeviceKey?: string | undefined;
  /** `device_name`, `device_status` (`valid`), `dev:device_remembered_status`, `last_ip_used`… */
  DeviceAttributes?: { Name: string | undefined; Value?: string | undefined }[] | undefined;
  DeviceCreateDate?: Date | number | undefined;
  DeviceLastModifiedDate?: Date | number | undefined;
  DeviceLastAuthenticatedDate?: Date | number | undefined;
}

export interface ListDevicesResponse {
  Devices?: DeviceType[] | undefined;
  PaginationToken?: string | undefined;
}

// The `authchart/devices` entry: remembered devices for pools that track them
// (`createAuth({ devices: rememberedDevices() })`) and the signed-in user's devices
// (`createDevices(auth)`). Apps on pools without device tracking never load it.
export { rememberedDevices } from './rememberedDevices.js';
export type { RememberedDevicesOptions } from './rememberedDevices.js';
export { createDevices } from './createDevices.js';
export type { Device, Devices } from './createDevices.js';
export { browserDeviceName } from './browserDeviceName.js';
export type { ConfirmDeviceInput, DevicePort, KeptDeviceInput, NewDevice, ProveDeviceInput } from './DevicePort.js';

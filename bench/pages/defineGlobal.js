// amazon-cognito-identity-js (through the `buffer` package) expects Node's `global`; imported
// first, before the modules that read it are evaluated.
globalThis.global ??= globalThis;

export const READ_STORE = Symbol('ReadStore');
export const CREDENTIALS = Symbol('Credentials');

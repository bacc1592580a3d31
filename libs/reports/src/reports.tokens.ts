export const READ_STORE = Symbol('ReadStore');
export const CREDENTIALS = Symbol('Credentials');
export const VIEW_REBUILDER = Symbol('ViewRebuilder');
export const EVENT_STORE = Symbol('EventStore');
export const MERCHANT_REGISTRY = Symbol('MerchantRegistry');
export const TERMINAL_OFFLINE_AFTER_MS = Symbol('TerminalOfflineAfterMs');
export const BILL_FOLDS = Symbol('BillFolds');

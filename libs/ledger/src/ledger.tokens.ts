export const EVENT_STORE = Symbol('EventStore');
export const TRANSPORT = Symbol('Transport');
export const SEQUENCE_POLICY = Symbol('SequencePolicy');

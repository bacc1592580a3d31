export const REGISTRY_EVENT_STORE = Symbol('RegistryEventStore');

export { eventStoreContract, type EventStoreFixture } from './event-store.contract';

export { eventStoreContract, type EventStoreContractOptions, type EventStoreFixture } from './event-store.contract';

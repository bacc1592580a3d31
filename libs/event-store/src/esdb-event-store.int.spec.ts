import { createEventStoreDbEventStore } from './esdb/esdb-event-store';
import { eventStoreContract } from './testing';

// Needs a running EventStoreDB / KurrentDB, e.g. EVENTSTORE_URL=esdb://localhost:2113?tls=false
const connectionString = process.env.EVENTSTORE_URL;

if (connectionString) {
  eventStoreContract('EventStoreDB adapter', async () => {
    const store = createEventStoreDbEventStore({ connectionString });
    return { store, cleanup: () => store.close() };
  });
} else {
  console.log('EventStoreDB adapter contract skipped: set EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false) to run it');
  describe.skip('EventStoreDB adapter (skipped: EVENTSTORE_URL not set)', () => {
    it('runs the event store contract against EventStoreDB', () => undefined);
  });
}

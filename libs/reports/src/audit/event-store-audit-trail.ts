import { randomUUID } from 'node:crypto';
import { ExpectedVersionConflictError, type EventStore, type ExpectedRevision } from '@posledger/event-store';
import type { AuditEntry, AuditTrail } from './audit-trail.port';

export const AUDIT_TRAIL_STREAM = 'audit-trail';
const RECORDED = 'AuditorAccessRecorded';

const MAX_ATTEMPTS = 10;

/**
 * Kept in the event store itself, so the auditors' trail is as durable (and as hash-chained) as the ledger. Appends
 * with the revision it last saw, re-reading the stream's head only when another process appended in between. The
 * records of this process are appended one after another: concurrent queries would otherwise race for the same
 * revision and run out of attempts.
 */
export function eventStoreAuditTrail(store: EventStore): AuditTrail {
  let revision: ExpectedRevision | undefined;
  let previous: Promise<unknown> = Promise.resolve();
  const head = async (): Promise<ExpectedRevision> => {
    const events = await store.readStream(AUDIT_TRAIL_STREAM);
    return events.length === 0 ? 'no_stream' : events[events.length - 1].revision;
  };
  const append = async (entry: AuditEntry): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      revision ??= await head();
      try {
        const result = await store.appendToStream(AUDIT_TRAIL_STREAM, [{ id: randomUUID(), type: RECORDED, data: { ...entry } }], revision);
        revision = result.nextExpectedRevision;
        return;
      } catch (error) {
        revision = undefined;
        if (!(error instanceof ExpectedVersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  };
  return {
    record(entry) {
      const recorded = previous.then(() => append(entry));
      previous = recorded.catch(() => undefined);
      return recorded;
    },
    async entries(from, to) {
      const events = await store.readStream(AUDIT_TRAIL_STREAM);
      const fromMs = Date.parse(from);
      const toMs = Date.parse(to);
      return events
        .filter((event) => event.type === RECORDED)
        .map((event) => event.data as unknown as AuditEntry)
        .filter((entry) => Date.parse(entry.at) >= fromMs && Date.parse(entry.at) < toMs);
    },
  };
}

import { dayBounds, isStatementEvent, statementStream, valueDateOf } from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';
import type { Registry } from '@posledger/registry';
import { issueStatements } from './statements';

const EVERY_MS = 60_000;

export interface StatementClock {
  /** Issues each merchant's statement of its day just ended, unless one was issued; returns the merchants issued to. */
  tick(now: string): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Issues every merchant's daily statement (日结单) once its day has ended in its own zone, without anyone asking:
 * each minute, a merchant with no statement of yesterday gets one, unless it was registered after yesterday ended. A
 * day issued already (by a person, by this clock before a restart, or by another ledger process) is left as it is;
 * events recorded late make a new version only when someone issues it again.
 */
export function startStatementClock(stores: { eventStore: EventStore; registry: Registry }, onError: (merchantId: string, error: Error) => void): StatementClock {
  let ticking: Promise<unknown> | undefined;
  // Each merchant's latest day known to be issued: its statements (PDFs included) are read once a day, not each minute.
  const knownIssued = new Map<string, string>();
  const issued = async (merchantId: string, date: string) =>
    knownIssued.get(merchantId) === date ||
    (await stores.eventStore.readStream(statementStream(merchantId))).some((event) => isStatementEvent(event) && event.data.date === date);
  const tick = async (now: string): Promise<string[]> => {
    await stores.registry.view.refresh();
    const due = new Map<string, string[]>();
    for (const { merchantId, timeZone, registered } of stores.registry.view.merchants()) {
      const yesterday = valueDateOf(now, timeZone, -1);
      // A merchant registered since yesterday ended had no yesterday: its first statement is of its first day.
      if (Date.parse(registered.recordedAt) >= Date.parse(dayBounds(yesterday, timeZone).to)) continue;
      try {
        if (await issued(merchantId, yesterday)) knownIssued.set(merchantId, yesterday);
        else due.set(yesterday, [...(due.get(yesterday) ?? []), merchantId]);
      } catch (error) {
        onError(merchantId, error as Error);
      }
    }
    const done: string[] = [];
    // One scan of the store per day due, for all its merchants (yesterday in the zones is one of at most three dates).
    for (const [date, merchantIds] of due) {
      const statements = await issueStatements(stores, merchantIds, date, onError).catch((error: Error) => {
        merchantIds.forEach((merchantId) => onError(merchantId, error));
        return [];
      });
      for (const { merchantId } of statements) knownIssued.set(merchantId, date);
      done.push(...statements.map((statement) => statement.merchantId));
    }
    return done;
  };
  const timer = setInterval(() => {
    ticking ??= tick(new Date().toISOString()).finally(() => {
      ticking = undefined;
    });
  }, EVERY_MS);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await ticking;
    },
  };
}

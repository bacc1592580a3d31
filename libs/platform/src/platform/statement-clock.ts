import { issuedDates, valueDateOf } from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';
import type { MerchantProfile, Registry } from '@posledger/registry';
import { issuedStatements } from './issued-statements';
import { issueStatements } from './statements';

const EVERY_MS = 60_000;
/** How far back the clock issues the statements of days it missed (the platform stopped over them): a month. */
export const STATEMENT_BACKFILL_DAYS = 31;

export interface StatementClock {
  /** Issues each merchant's statements of the days ended without one (yesterday, and any missed); returns the merchants issued to, once per statement. */
  tick(now: string): Promise<string[]>;
  stop(): Promise<void>;
}

const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Issues every merchant's daily statement (日结单) once its day has ended in its own zone, without anyone asking:
 * each minute, each day of a merchant that has ended without a statement gets one, oldest first, from the day it was
 * registered and at most STATEMENT_BACKFILL_DAYS back (after the platform stopped over several days, each of them). A
 * day issued already (by a person, by this clock before a restart, or by another ledger process) is left as it is;
 * events recorded late make a new version only when someone issues it again. The statements of `foldedMerchants`
 * merchants are kept folded between ticks (POSLEDGER_FOLDED_MERCHANTS).
 */
export function startStatementClock(
  stores: { eventStore: EventStore; registry: Registry },
  onError: (merchantId: string, error: Error) => void,
  foldedMerchants?: number,
): StatementClock {
  let ticking: Promise<unknown> | undefined;
  // Each merchant's statements, of the days it may still issue: the stream is read on from where it was last read,
  // so each statement's PDF is read once, however long the merchant has had statements.
  const statements = issuedStatements(stores.eventStore, foldedMerchants);
  // Each merchant's yesterday when it was last found with no day missing: its stream is read once a day, not each minute.
  const completeThrough = new Map<string, string>();
  const missingDays = async ({ merchantId, timeZone, registered }: MerchantProfile, yesterday: string, now: string): Promise<string[]> => {
    if (completeThrough.get(merchantId) === yesterday) return [];
    const monthBack = valueDateOf(now, timeZone, -STATEMENT_BACKFILL_DAYS);
    const issued = new Set(issuedDates((await statements(merchantId, monthBack)).state));
    const registeredOn = valueDateOf(registered.recordedAt, timeZone, 0);
    const missing: string[] = [];
    for (let date = registeredOn > monthBack ? registeredOn : monthBack; date <= yesterday; date = dayAfter(date)) if (!issued.has(date)) missing.push(date);
    if (missing.length === 0) completeThrough.set(merchantId, yesterday);
    return missing;
  };
  const tick = async (now: string): Promise<string[]> => {
    await stores.registry.view.refresh();
    const due = new Map<string, string[]>();
    // Per merchant with days missing: its yesterday, and how many of its days are still to issue.
    const unissued = new Map<string, { yesterday: string; left: number }>();
    for (const merchant of stores.registry.view.merchants()) {
      try {
        const yesterday = valueDateOf(now, merchant.timeZone, -1);
        const missing = await missingDays(merchant, yesterday, now);
        for (const date of missing) due.set(date, [...(due.get(date) ?? []), merchant.merchantId]);
        if (missing.length > 0) unissued.set(merchant.merchantId, { yesterday, left: missing.length });
      } catch (error) {
        onError(merchant.merchantId, error as Error);
      }
    }
    const done: string[] = [];
    // Oldest day first, so that each statement carries on from the one before; one scan of the store per day, for all its merchants.
    for (const date of [...due.keys()].sort()) {
      const merchantIds = due.get(date) ?? [];
      const issued = await issueStatements(stores, merchantIds, date, onError, statements).catch((error: Error) => {
        merchantIds.forEach((merchantId) => onError(merchantId, error));
        return [];
      });
      for (const { merchantId } of issued) {
        const merchant = unissued.get(merchantId);
        if (merchant && --merchant.left === 0) completeThrough.set(merchantId, merchant.yesterday);
      }
      done.push(...issued.map((statement) => statement.merchantId));
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

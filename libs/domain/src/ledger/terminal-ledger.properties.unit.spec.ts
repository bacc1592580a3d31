import fc from 'fast-check';
import { replay } from '../testing';
import { balanceFromPostings } from './balance';
import { keyedValues } from './keyed-record';
import { saleFromStored } from './packed-sale';
import { assertBalanced, postingsFor } from './postings';
import { GENERATED_OFFLINE_LIMIT_MINOR, redelivery, terminalHistory } from '../testing/terminal-history.arbitraries';

const offlineUpToMinor = GENERATED_OFFLINE_LIMIT_MINOR;

describe('terminal ledger properties', () => {
  it('invariant 5: postings of any generated history balance per currency', () => {
    fc.assert(
      fc.property(terminalHistory(), (history) => {
        const { events } = replay(history, { offlineUpToMinor });
        for (const event of events) assertBalanced(postingsFor(event));
        assertBalanced(events.flatMap(postingsFor));
      }),
      { numRuns: 100 },
    );
  });

  it('invariant 3: any duplicated and shuffled redelivery reaches the state of the in-order delivery', () => {
    fc.assert(
      fc.property(
        terminalHistory().chain((history) => fc.tuple(fc.constant(history), redelivery(history))),
        ([history, delivered]) => {
          // Every copy arrives within one gap timeout of the others, so no gap is skipped.
          const receivedAt = history[history.length - 1].occurredAt;
          const inOrder = replay(history, { receivedAt, offlineUpToMinor });
          const redelivered = replay(delivered, { receivedAt, offlineUpToMinor });
          expect(redelivered.state).toEqual(inOrder.state);
          expect(redelivered.state.parkedCount).toBe(0);
          expect(balanceFromPostings(redelivered.events.flatMap(postingsFor))).toEqual(
            balanceFromPostings(inOrder.events.flatMap(postingsFor)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('an approved sale keeps none of the steps that led to it: no card, wallet reference, PIN, hold or operator', () => {
    const stepsOnly = ['card', 'walletReference', 'pinResult', 'hold', 'preAuthorization', 'operatorId'];
    let approved = 0;
    fc.assert(
      fc.property(terminalHistory(), (history) => {
        for (const stored of keyedValues(replay(history, { offlineUpToMinor }).state.sales)) {
          const sale = saleFromStored('', stored);
          if (sale.approvedAt === undefined) continue;
          approved++;
          expect(Object.keys(sale).filter((key) => stepsOnly.includes(key))).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
    expect(approved).toBeGreaterThan(100);
  });

  it('generated histories exercise approvals, offline sales, holds, tips, settlements, refunds and rejections', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(terminalHistory(), (history) => {
        for (const event of replay(history, { offlineUpToMinor }).events) seen.add(event.type);
      }),
      { numRuns: 100, seed: 42 },
    );
    expect([...seen]).toEqual(
      expect.arrayContaining(['SaleApproved', 'SaleVoided', 'BatchClosed', 'RefundApproved', 'TerminalEventRejected', 'TipAdjusted', 'OfflineSaleConfirmed', 'OfflineSaleDeclined', 'PreAuthorizationApproved', 'PreAuthorizationReleased']),
    );
  });
});

import fc from 'fast-check';
import { DEFAULT_FEE_SCHEDULE } from './fee-schedule';
import { historyOf, ledgerDataOf, TerminalScript, tx } from '../testing';
import { balanceFromPostings } from './balance';
import { DisputeRefusedError } from './dispute-refused.error';
import { LedgerEvent } from './ledger-events';
import { assertBalanced, postingsFor } from './postings';
import { decideAndEvolve, evolve, initialState, TerminalLedgerCommand } from './terminal-ledger.decider';

const NOW = '2026-12-01T08:00:00.000Z';
const context = { merchantId: 'm-1', feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {} };
const open = (disputeId: string, transactionId: string, minor: string, currency = 'CNY'): TerminalLedgerCommand =>
  ({ type: 'OpenDispute', data: { ...context, disputeId, transactionId, amount: { currency, minor }, reason: 'goods not received', now: NOW } });
const resolve = (disputeId: string, outcome: 'WON' | 'LOST', feeMinor?: string): TerminalLedgerCommand =>
  ({ type: 'ResolveDispute', data: { ...context, disputeId, outcome, ...(feeMinor === undefined ? {} : { fee: { currency: 'CNY', minor: feeMinor } }), now: NOW } });

/** A settled credit sale tx(1) of 10000 (fee 180), a debit sale tx(2) still in the open batch and a cash sale tx(3). */
function day(): LedgerEvent[] {
  const t = new TerminalScript();
  return historyOf(
    t.signedIn(), ...t.cardSaleRequested(tx(1), 'CREDIT', '10000'), t.approved(tx(1)),
    t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
    ...t.cardSaleRequested(tx(2), 'DEBIT', '500'), t.approved(tx(2)),
    ...t.cashSaleStarted(tx(3), '800'), t.cashReceived(tx(3), '800'),
  );
}

function run(history: readonly LedgerEvent[], commands: readonly TerminalLedgerCommand[]): LedgerEvent[] {
  let state = history.reduce(evolve, initialState('t-1'));
  const events = [...history];
  for (const command of commands) {
    const decision = decideAndEvolve(command, state);
    state = decision.state;
    events.push(...decision.events);
  }
  return events;
}

const evidence = (disputeId: string, text: string): TerminalLedgerCommand => ({ type: 'SubmitDisputeEvidence', data: { ...context, disputeId, evidence: text, now: NOW } });

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof DisputeRefusedError ? error.code : String(error);
  }
  return 'accepted';
};

describe('disputes (chargebacks)', () => {
  it('given a settled sale, when a dispute is opened, then the disputed amount is held out of what the merchant has', () => {
    const events = run(day(), [open('cb-1', tx(1), '4000')]);
    expect(ledgerDataOf(events, 'DisputeOpened')).toEqual([{
      terminalEventId: 'dispute/cb-1/opened', terminalId: 't-1', merchantId: 'm-1',
      disputeId: 'cb-1', transactionId: tx(1), amount: { currency: 'CNY', minor: '4000' }, method: 'CREDIT', scheme: 'UNIONPAY', reason: 'goods not received', openedAt: NOW,
    }]);
    const [balance] = balanceFromPostings(events.flatMap(postingsFor));
    expect([balance.settled.amountMinor, balance.held.amountMinor, balance.available.amountMinor]).toEqual([6000n, 4000n, 5820n]);
  });

  it('won, gives the held amount back; lost, sends it to the cardholder with the acquirer\'s fee, and the sale stands for that much less', () => {
    const won = balanceFromPostings(run(day(), [open('cb-1', tx(1), '4000'), resolve('cb-1', 'WON')]).flatMap(postingsFor))[0];
    expect([won.settled.amountMinor, won.held.amountMinor, won.fees.amountMinor]).toEqual([10000n, 0n, 180n]);
    const lostEvents = run(day(), [open('cb-1', tx(1), '4000'), resolve('cb-1', 'LOST', '1500')]);
    const lost = balanceFromPostings(lostEvents.flatMap(postingsFor))[0];
    expect([lost.settled.amountMinor, lost.held.amountMinor, lost.fees.amountMinor, lost.available.amountMinor]).toEqual([6000n, 0n, 1680n, 4320n]);
    expect(refusal(() => run(lostEvents, [open('cb-2', tx(1), '6001')]))).toBe('LEDGER.DISPUTE_EXCEEDS_SALE');
    expect(refusal(() => run(lostEvents, [open('cb-2', tx(1), '6000')]))).toBe('accepted');
  });

  it('refuses, recording nothing: a sale not settled, cash, an unknown sale, another currency, more than the sale, a reused id, an unknown or resolved dispute, a fee on a win', () => {
    const opened = run(day(), [open('cb-1', tx(1), '4000')]);
    expect([
      refusal(() => run(day(), [open('cb-9', tx(2), '100')])),
      refusal(() => run(day(), [open('cb-9', tx(3), '100')])),
      refusal(() => run(day(), [open('cb-9', tx(9), '100')])),
      refusal(() => run(day(), [open('cb-9', tx(1), '100', 'USD')])),
      refusal(() => run(opened, [open('cb-9', tx(1), '6001')])),
      refusal(() => run(opened, [open('cb-1', tx(1), '1')])),
      refusal(() => run(opened, [resolve('cb-8', 'WON')])),
      refusal(() => run(opened, [resolve('cb-1', 'LOST'), resolve('cb-1', 'WON')])),
      refusal(() => run(opened, [resolve('cb-1', 'WON', '100')])),
      refusal(() => run(day(), [open('cb 1', tx(1), '1')])),
      refusal(() => run(day(), [open('cb-9', tx(1), '0')])),
    ]).toEqual([
      'LEDGER.NOT_DISPUTABLE', 'LEDGER.NOT_DISPUTABLE', 'LEDGER.UNKNOWN_TRANSACTION', 'LEDGER.CURRENCY_MISMATCH', 'LEDGER.DISPUTE_EXCEEDS_SALE',
      'LEDGER.DISPUTE_EXISTS', 'LEDGER.UNKNOWN_DISPUTE', 'LEDGER.DISPUTE_RESOLVED', 'LEDGER.INVALID_DISPUTE', 'LEDGER.INVALID_DISPUTE', 'LEDGER.INVALID_DISPUTE',
    ]);
  });

  it('given an open dispute, when the merchant submits evidence, then it is recorded once, moving no money; after that, or once resolved, it is refused', () => {
    const opened = run(day(), [open('cb-1', tx(1), '4000')]);
    const submitted = run(opened, [evidence('cb-1', 'Signed delivery note DN-2231\nphoto of the receipt')]);
    expect(ledgerDataOf(submitted, 'DisputeEvidenceSubmitted')).toEqual([{
      terminalEventId: 'dispute/cb-1/evidence', terminalId: 't-1', merchantId: 'm-1', disputeId: 'cb-1', transactionId: tx(1), evidence: 'Signed delivery note DN-2231\nphoto of the receipt', submittedAt: NOW,
    }]);
    expect(submitted.slice(opened.length).flatMap(postingsFor)).toEqual([]);
    expect([
      refusal(() => run(submitted, [evidence('cb-1', 'again')])),
      refusal(() => run(opened, [resolve('cb-1', 'WON'), evidence('cb-1', 'late')])),
      refusal(() => run(opened, [evidence('cb-9', 'which one')])),
      refusal(() => run(opened, [evidence('cb-1', ' padded')])),
      refusal(() => run(opened, [evidence('cb-1', 'bell \u0007')])),
      refusal(() => run(submitted, [resolve('cb-1', 'WON')])),
    ]).toEqual(['LEDGER.EVIDENCE_SUBMITTED', 'LEDGER.DISPUTE_RESOLVED', 'LEDGER.UNKNOWN_DISPUTE', 'LEDGER.INVALID_DISPUTE', 'LEDGER.INVALID_DISPUTE', 'accepted']);
  });

  it('property: for any disputes won or lost, the postings balance and settled + held + what lost disputes took back equals what the sale settled', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.constantFrom('WON', 'LOST', 'OPEN')), { maxLength: 5 }), (plans) => {
        const commands: TerminalLedgerCommand[] = [];
        let lostMinor = 0n;
        plans.forEach(([minor, outcome], i) => {
          commands.push(open(`cb-${i}`, tx(1), String(minor)));
          if (outcome !== 'OPEN') commands.push(resolve(`cb-${i}`, outcome));
          if (outcome === 'LOST') lostMinor += BigInt(minor);
        });
        let events: LedgerEvent[];
        try {
          events = run(day(), commands);
        } catch (error) {
          // Disputes beyond what the sale stands for are refused whole.
          expect((error as DisputeRefusedError).code).toBe('LEDGER.DISPUTE_EXCEEDS_SALE');
          return;
        }
        assertBalanced(events.flatMap(postingsFor));
        const [balance] = balanceFromPostings(events.flatMap(postingsFor));
        expect(balance.settled.amountMinor + balance.held.amountMinor + lostMinor).toBe(10000n);
      }),
      { numRuns: 200 },
    );
  });
});

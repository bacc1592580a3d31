import { TerminalEvent } from '../../terminal-events/terminal-event';
import { TerminalLedgerState } from '../terminal-ledger.state';
import { captureSignature, emailReceipt, printReceipt } from './after-sale.rules';
import { approve, decline, requestAuthorization, reverseOnTimeout } from './authorization.rules';
import { receiveCash } from './cash.rules';
import { approveOffline, awaitingHost, confirmOffline, declineOffline } from './offline.rules';
import { approveHold, awaitingHold, cancelPreAuthorization, completePreAuthorization, requestPreAuthorization } from './pre-authorization.rules';
import { signIn, signOut } from './operator.rules';
import { approveRefund } from './refund.rules';
import { captureSaleStep } from './sale-steps.rules';
import { closeBatch } from './settlement.rules';
import { closeShift, openShift } from './shift.rules';
import { accept, RuleContext, Verdict } from './verdict';
import { enterTip } from './tip.rules';
import { voidSale } from './void.rules';

/** The rule for each terminal event type. */
export function judge(event: TerminalEvent, state: TerminalLedgerState, context: RuleContext): Verdict {
  switch (event.type) {
    case 'operator.signed_in':
      return signIn(event, state, context);
    case 'operator.signed_out':
      return signOut(event, state, context);
    case 'card.inserted':
    case 'qr.scanned':
    case 'pin.entered':
    case 'payment.method_selected':
    case 'amount.entered':
      return captureSaleStep(event, state, context);
    case 'cash.received':
      return receiveCash(event, state, context);
    case 'tip.entered':
      return enterTip(event, state, context);
    case 'authorization.requested':
      return requestAuthorization(event, state, context);
    case 'authorization.approved_offline':
      return approveOffline(event, state, context);
    case 'preauthorization.requested':
      return requestPreAuthorization(event, state, context);
    case 'preauthorization.completed':
      return completePreAuthorization(event, state, context);
    case 'preauthorization.cancelled':
      return cancelPreAuthorization(event, state, context);
    case 'authorization.approved':
      if (awaitingHost(state, event.transactionId)) return confirmOffline(event, state, context);
      return awaitingHold(state, event.transactionId) ? approveHold(event, state, context) : approve(event, state, context);
    case 'authorization.declined':
      return awaitingHost(state, event.transactionId) ? declineOffline(event, state, context) : decline(event, state, context);
    case 'authorization.timed_out':
      return reverseOnTimeout(event, state, context);
    case 'signature.captured':
      return captureSignature(event, state, context);
    case 'receipt.printed':
      return printReceipt(event, state, context);
    case 'receipt.emailed':
      return emailReceipt(event, state, context);
    case 'transaction.voided':
      return voidSale(event, state, context);
    case 'refund.approved':
      return approveRefund(event, state, context);
    case 'settlement.closed':
      return closeBatch(event, state, context);
    case 'terminal.heartbeat':
      return accept();
    case 'shift.opened':
      return openShift(event, state, context);
    case 'shift.closed':
      return closeShift(event, state, context);
    default: {
      const unknown: never = event;
      throw new Error(`no rule for terminal event ${JSON.stringify(unknown)}`);
    }
  }
}

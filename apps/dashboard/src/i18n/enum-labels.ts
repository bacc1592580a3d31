import { humanizeCode } from './humanize-code';
import type { MessageId } from './messages.en';
import type { Translate } from './use-t';

/** ICU select keys are identifiers: card.inserted is selected as card_inserted, merchant:pending as merchant_pending. */
const selectKey = (code: string): string => code.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * An API code (WECHAT_PAY, SETTLED, card.inserted...) as a word of the language, through an ICU `select` message
 * of the catalog; a code added later than the catalog shows as words of its own (APPLE_PAY: "Apple Pay").
 */
const label = (id: MessageId) => (t: Translate, code: string): string => t(id, { code: selectKey(code), fallback: humanizeCode(code) });

export const methodLabel = label('enum.method');
export const statusLabel = label('enum.status');
export const schemeLabel = label('enum.scheme');
export const ledgerEventLabel = label('enum.ledgerEvent');
export const terminalEventLabel = label('enum.terminalEvent');
export const accountLabel = label('enum.account');
export const reconciliationLabel = label('enum.reconciliation');
export const entryModeLabel = label('enum.entryMode');
export const pinResultLabel = label('enum.pinResult');
export const receiptCopyLabel = label('enum.receiptCopy');
export const receiptChannelLabel = label('enum.receiptChannel');
export const rejectionLabel = label('enum.rejection');
export const payoutStatusLabel = label('enum.payoutStatus');
export const disputeStatusLabel = label('enum.disputeStatus');
export const billSourceLabel = label('enum.billSource');
export const discrepancyKindLabel = label('enum.discrepancyKind');
export const tradeKindLabel = label('enum.tradeKind');
export const discrepancyStatusLabel = label('enum.discrepancyStatus');
export const decisionLabel = label('enum.decision');
export const reconciliationDayLabel = label('enum.reconciliationDay');

// The GraphQL documents of the dashboard: every figure it shows comes from one of these.

const MONEY = '{ currency minor exponent }';
const BUCKET = `key splitKey count gross ${MONEY} tips ${MONEY} refunds ${MONEY} voids ${MONEY} fees ${MONEY} offlineDeclined ${MONEY} disputes ${MONEY} net ${MONEY}`;
const MERCHANT = 'id name timeZone currency currencyExponent feeSchedule { method basisPoints }';
const SALE = `id terminalId status method scheme maskedPan occurredAt amount ${MONEY} refunded ${MONEY} tip ${MONEY} offline awaitingHost held ${MONEY} holdExpiresAt`;
const TOTALS = `{ method count amount ${MONEY} }`;
const BATCH = `terminalId batchNumber closedAt status terminalTotals ${TOTALS} ledgerTotals ${TOTALS}
    differences { method countDifference amountDifference ${MONEY} } fees ${MONEY}`;
const BALANCE = `currency pending ${MONEY} settled ${MONEY} fees ${MONEY} available ${MONEY} held ${MONEY} inTransit ${MONEY} paidOut ${MONEY} cash ${MONEY}`;
const PAYOUT = `id currency status valueDate cutoffAt amount ${MONEY} settled ${MONEY} fees ${MONEY} bankReference paidAt failedAt failureReason
    lines { position terminalId eventType reference settled ${MONEY} fees ${MONEY} } broughtForward { settled ${MONEY} fees ${MONEY} }`;
const SHIFT = `shiftId terminalId operatorId status openedAt closedAt
    openingCash ${MONEY} expectedCash ${MONEY} countedCash ${MONEY} overShort ${MONEY}
    sales ${TOTALS} voids ${TOTALS} refunds ${TOTALS} tips ${TOTALS}`;

export const MERCHANT_QUERY = `query Merchant($merchantId: ID) { merchant(merchantId: $merchantId) { ${MERCHANT} } }`;

export const MERCHANTS_QUERY = `query Merchants { merchants { ${MERCHANT} } }`;

export const OVERVIEW_QUERY = `query Overview($merchantId: ID, $from: String!, $to: String!, $comparedFrom: String!, $comparedTo: String!) {
  current: salesSummary(merchantId: $merchantId, from: $from, to: $to, groupBy: PAYMENT_METHOD) { ${BUCKET} }
  compared: salesSummary(merchantId: $merchantId, from: $comparedFrom, to: $comparedTo, groupBy: PAYMENT_METHOD) { ${BUCKET} }
  byDay: salesSummary(merchantId: $merchantId, from: $from, to: $to, groupBy: DAY, splitBy: PAYMENT_METHOD) { ${BUCKET} }
  byHour: salesSummary(merchantId: $merchantId, from: $from, to: $to, groupBy: HOUR, splitBy: PAYMENT_METHOD) { ${BUCKET} }
  byTerminal: salesSummary(merchantId: $merchantId, from: $from, to: $to, groupBy: TERMINAL) { ${BUCKET} }
  byScheme: salesSummary(merchantId: $merchantId, from: $from, to: $to, groupBy: CARD_SCHEME) { ${BUCKET} }
}`;

export const TRANSACTIONS_QUERY = `query Transactions($merchantId: ID, $filter: TransactionFilter, $first: Int, $after: String, $from: String!, $to: String!) {
  transactions(merchantId: $merchantId, filter: $filter, first: $first, after: $after) { edges { node { ${SALE} } } pageInfo { hasNextPage endCursor } }
  terminals: salesSummary(merchantId: $merchantId, from: $from, to: $to, groupBy: TERMINAL) { key }
}`;

export const SALE_QUERY = `query Sale($merchantId: ID, $id: ID!, $terminalId: ID) {
  transaction(merchantId: $merchantId, id: $id, terminalId: $terminalId) {
    ${SALE}
    events { position id type occurredAt recordedAt data }
    postings { position entry eventType account debit ${MONEY} credit ${MONEY} recordedAt }
  }
}`;

export const FIND_QUERY = `query Find($merchantId: ID, $id: ID!) {
  transaction(merchantId: $merchantId, id: $id) { id terminalId }
  refund(merchantId: $merchantId, id: $id) { id sale { id terminalId } }
}`;

export const SETTLEMENTS_QUERY = `query Settlements($merchantId: ID, $from: String!, $to: String!) {
  settlementBatches(merchantId: $merchantId, from: $from, to: $to) { ${BATCH} }
  terminalSequences(merchantId: $merchantId) { terminalId nextSequence parkedCount waitingSince skippedGaps skippedSequences }
}`;

export const BALANCES_QUERY = `query Balances($merchantId: ID) {
  balances(merchantId: $merchantId) { ${BALANCE} }
}`;

/** The money going out: balances now, the period's payouts (by value date) and statements, and every dispute. */
export const PAYOUTS_QUERY = `query Payouts($merchantId: ID, $from: String!, $to: String!, $valuedBefore: String!) {
  balances(merchantId: $merchantId) { ${BALANCE} }
  payouts(merchantId: $merchantId, from: $from, to: $valuedBefore) { ${PAYOUT} }
  statements(merchantId: $merchantId, from: $from, to: $to) { date version sha256 pdfSha256 issuedAt }
  disputes(merchantId: $merchantId) { id terminalId transactionId status method amount ${MONEY} fee ${MONEY} reason openedAt resolvedAt }
}`;

/** A day's reconciliation (对账) against the outside bills imported for it. */
export const RECONCILIATION_QUERY = `query Reconciliation($merchantId: ID, $date: String!) {
  reconciliation(merchantId: $merchantId, date: $date) {
    date status
    files { source sha256 fileName importedBy importedAt lines matched discrepancies throughPosition current }
    discrepancies {
      id source kind tradeKind reference lineNumber terminalId transactionId
      billAmount ${MONEY} ledgerAmount ${MONEY} billFee ${MONEY} ledgerFee ${MONEY}
      status decision { decision note decidedBy decidedAt } foundAt
    }
    threeWay { source scope terminalId batchNumber terminalCount terminalAmount ${MONEY} ledgerCount ledgerAmount ${MONEY} billCount billAmount ${MONEY} status }
  }
}`;

export const SHIFTS_QUERY = `query Shifts($merchantId: ID, $from: String!, $to: String!) {
  shifts(merchantId: $merchantId, from: $from, to: $to) { ${SHIFT} }
}`;

export const TERMINALS_QUERY = `query Terminals($merchantId: ID) {
  terminals(merchantId: $merchantId) {
    terminalId online operatorId lastSeenAt appVersion network signal paperLow
    openBatch { sales since } lastSettlement { batchNumber closedAt status }
  }
}`;

export const END_OF_DAY_QUERY = `query EndOfDay($merchantId: ID, $day: String!, $terminalId: ID) {
  endOfDay(merchantId: $merchantId, day: $day, terminalId: $terminalId) {
    day from to terminalId
    totals { ${BUCKET} } byMethod { ${BUCKET} }
    settlements { ${BATCH} }
    shifts { ${SHIFT} }
  }
  terminals(merchantId: $merchantId) { terminalId }
}`;

import { Prng } from './prng';
import { DAY_MS, utcDay } from './script-clock';
import { ScriptRates } from './script-rates';
import { PaymentMethod, SettlementTotalLine, TerminalEvent } from './terminal-event';
import { TrafficScript } from './traffic-script';
import { simulatedScript } from './test-support/simulated-script';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function newScript(seed: number, rates: Partial<ScriptRates> = {}, operatorId?: string, offlineUpToMinor?: bigint): TrafficScript {
  return simulatedScript(seed, { rates, ...(operatorId === undefined ? {} : { operatorId }), ...(offlineUpToMinor === undefined ? {} : { offlineUpToMinor }) });
}

function play(seed: number, flows: number, rates: Partial<ScriptRates> = {}): TerminalEvent[] {
  const script = newScript(seed, rates);
  const events: TerminalEvent[] = [];
  for (let i = 0; i < flows; i++) events.push(...script.nextFlow());
  events.push(...script.closeBatch());
  return events;
}

/** Luhn (mod 10) check of a digit string. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Any 13-19 digit window inside any digit run that passes Luhn: what a PAN scan would flag. */
function containsLuhnValidRun(text: string): boolean {
  for (const [run] of text.matchAll(/\d{13,}/g)) {
    for (let length = 13; length <= 19; length++) {
      for (let start = 0; start + length <= run.length; start++) {
        if (luhnValid(run.slice(start, start + length))) return true;
      }
    }
  }
  return false;
}

function byTransaction(events: readonly TerminalEvent[]): Map<string, TerminalEvent[]> {
  const groups = new Map<string, TerminalEvent[]>();
  for (const event of events) {
    if (event.transactionId === undefined) continue;
    groups.set(event.transactionId, [...(groups.get(event.transactionId) ?? []), event]);
  }
  return groups;
}

/** Contract violations of one sale's events, in order; empty when the flow is valid. */
function saleFlowViolations(flow: readonly TerminalEvent[]): string[] {
  const problems: string[] = [];
  const types = flow.map((event) => event.type);
  const indexOf = (type: TerminalEvent['type']): number => types.indexOf(type);
  const first = flow[0];
  if (first?.type !== 'card.inserted' && first?.type !== 'qr.scanned') problems.push(`starts with ${String(first?.type)}`);

  const methodEvent = flow.find((event) => event.type === 'payment.method_selected');
  const amountEvent = flow.find((event) => event.type === 'amount.entered');
  if (methodEvent?.type !== 'payment.method_selected') return [...problems, 'no method selected'];
  if (amountEvent?.type !== 'amount.entered') return [...problems, 'no amount'];
  const method = methodEvent.payload.method;
  const requested = indexOf('authorization.requested');
  if (!(indexOf('payment.method_selected') < indexOf('amount.entered') && indexOf('amount.entered') < requested)) {
    problems.push('method, amount, request out of order');
  }
  const amount = BigInt(amountEvent.payload.amountMinor);
  if (!/^\d+$/.test(amountEvent.payload.amountMinor) || amount < 100n || amount > 500_000n) problems.push(`amount ${amountEvent.payload.amountMinor}`);
  if (amountEvent.payload.currency !== 'CNY') problems.push('currency');

  const pins = flow.flatMap((event) => (event.type === 'pin.entered' ? [event.payload.result] : []));
  const card = flow.find((event) => event.type === 'card.inserted');
  if (method === 'WECHAT_PAY' || method === 'ALIPAY') {
    if (first?.type !== 'qr.scanned' || card !== undefined || pins.length > 0) problems.push('QR sale without qr.scanned or with card');
  } else {
    if (card?.type !== 'card.inserted') return [...problems, 'card sale without card'];
    if (!/^\d{6}\*{6}(\*{3})?\d{4}$/.test(card.payload.maskedPan)) problems.push(`pan ${card.payload.maskedPan}`);
    if (!['UNIONPAY', 'VISA', 'MASTERCARD'].includes(card.payload.scheme)) problems.push('scheme');
    if (!['CHIP', 'SWIPE', 'CONTACTLESS'].includes(card.payload.entryMode)) problems.push('entry mode');
    if (method === 'DEBIT' && pins[pins.length - 1] !== 'VERIFIED') problems.push('DEBIT without VERIFIED pin');
    if (method === 'CREDIT' && pins.join() !== 'BYPASSED') problems.push('CREDIT pin not bypassed');
    if (indexOf('pin.entered') > indexOf('payment.method_selected')) problems.push('pin after method');
  }

  // A tip: CREDIT only, once, just before the request or after everything else.
  const tipAt = indexOf('tip.entered');
  if (tipAt >= 0 && method !== 'CREDIT') problems.push(`tip on ${method}`);
  if (types.filter((type) => type === 'tip.entered').length > 1) problems.push('two tips');
  if (tipAt >= 0 && tipAt !== requested - 1 && tipAt !== types.length - 1) problems.push('tip neither just before the request nor last');

  const outcomes = types.filter((type) => type === 'authorization.approved' || type === 'authorization.declined' || type === 'authorization.timed_out');
  if (outcomes.length !== 1 || types.indexOf(outcomes[0] ?? 'authorization.approved') !== requested + 1) problems.push('outcome');
  const approved = outcomes[0] === 'authorization.approved';
  const afterOutcome = types.slice(requested + 2).filter((type) => type !== 'tip.entered');
  if (!approved && afterOutcome.length > 0) problems.push('events after a failed authorization');
  if (approved) {
    const expectedSignature = method === 'CREDIT' ? ['signature.captured'] : [];
    const receipts = afterOutcome.slice(expectedSignature.length);
    if (afterOutcome.slice(0, expectedSignature.length).join() !== expectedSignature.join()) problems.push('signature');
    if (receipts[0] !== 'receipt.printed' || receipts[1] !== 'receipt.printed') problems.push('receipts');
    if (receipts.some((type) => type !== 'receipt.printed' && type !== 'receipt.emailed')) problems.push('unexpected after receipts');
  }
  return problems;
}

interface SettledBatch {
  readonly reported: { readonly batchNumber: number; readonly totals: readonly SettlementTotalLine[] };
  readonly expected: SettlementTotalLine[];
  /** The UTC day the batch's first sale started on, or the last event's day when a flow ran past midnight. */
  readonly businessDay: number;
  readonly settledOnDay: number;
}

/**
 * Each settlement beside the totals recomputed from the stream: approved sales of the batch (offline ones too) with
 * their tips, minus voids and offline sales the host declined, cash left out.
 */
function settledBatches(stream: readonly TerminalEvent[]): SettledBatch[] {
  const drafts = new Map<string, { method?: PaymentMethod; amount?: bigint; tip?: bigint; hold?: boolean }>();
  let batch = new Map<string, { method: PaymentMethod; amount: bigint }>();
  let firstSaleDay: number | undefined;
  let previousEventDay = 0;
  const result: SettledBatch[] = [];
  for (const event of stream) {
    const draft = event.transactionId === undefined ? undefined : (drafts.get(event.transactionId) ?? {});
    if (draft !== undefined && event.transactionId !== undefined) drafts.set(event.transactionId, draft);
    const startsSale = event.type === 'card.inserted' || event.type === 'qr.scanned' || (event.type === 'payment.method_selected' && event.payload.method === 'CASH');
    if (startsSale) firstSaleDay ??= utcDay(Date.parse(event.occurredAt));
    if (event.type === 'payment.method_selected' && draft) draft.method = event.payload.method;
    if (event.type === 'amount.entered' && draft) draft.amount = BigInt(event.payload.amountMinor);
    if (event.type === 'preauthorization.requested' && draft) draft.hold = true;
    // A hold is no sale; its completion is, for what it says.
    if (event.type === 'preauthorization.completed' && draft) draft.amount = BigInt(event.payload.amountMinor);
    const approves = (event.type === 'authorization.approved' && !draft?.hold) || event.type === 'authorization.approved_offline' || event.type === 'cash.received' || event.type === 'preauthorization.completed';
    if (approves && event.transactionId !== undefined) {
      if (draft?.method === undefined || draft.amount === undefined) throw new Error('approved without method or amount');
      batch.set(event.transactionId, { method: draft.method, amount: draft.amount + (draft.tip ?? 0n) });
    }
    if (event.type === 'authorization.declined' && event.transactionId !== undefined) batch.delete(event.transactionId);
    if (event.type === 'tip.entered' && draft) {
      const approvedSale = event.transactionId === undefined ? undefined : batch.get(event.transactionId);
      if (approvedSale) approvedSale.amount += BigInt(event.payload.tipMinor);
      else draft.tip = BigInt(event.payload.tipMinor);
    }
    if (event.type === 'transaction.voided' && !batch.delete(event.payload.originalTransactionId)) {
      throw new Error('void of a sale outside the open batch');
    }
    if (event.type === 'settlement.closed') {
      const expected = (['DEBIT', 'CREDIT', 'WECHAT_PAY', 'ALIPAY'] as const).flatMap((method) => {
        const ofMethod = [...batch.values()].filter((sale) => sale.method === method);
        if (ofMethod.length === 0) return [];
        const amount = ofMethod.reduce((sum, sale) => sum + sale.amount, 0n);
        return [{ method, count: ofMethod.length, amountMinor: amount.toString(), currency: 'CNY' }];
      });
      const settledOnDay = utcDay(Date.parse(event.occurredAt));
      const businessDay = Math.max(firstSaleDay ?? settledOnDay, previousEventDay);
      result.push({ reported: event.payload, expected, businessDay, settledOnDay });
      batch = new Map();
      firstSaleDay = undefined;
    }
    previousEventDay = utcDay(Date.parse(event.occurredAt));
  }
  return result;
}

describe('TrafficScript', () => {
  const events = play(42, 3_000);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(play(42, 3_000))).toBe(JSON.stringify(events));
    expect(JSON.stringify(play(43, 50))).not.toBe(JSON.stringify(play(42, 50)));
  });

  it('numbers events contiguously from 1, never back in time, with v4 event ids', () => {
    expect(events.map((event) => event.sequence)).toEqual(events.map((_, index) => index + 1));
    const instants = events.map((event) => Date.parse(event.occurredAt));
    expect(instants.filter((instant, index) => index > 0 && instant < (instants[index - 1] ?? Infinity))).toEqual([]);
    expect(events.filter((event) => event.occurredAt !== new Date(Date.parse(event.occurredAt)).toISOString())).toEqual([]);
    expect(events.filter((event) => event.terminalId !== 't-1')).toEqual([]);
    expect(events.filter((event) => !UUID_V4.test(event.eventId))).toEqual([]);
    expect(events.filter((event) => event.transactionId !== undefined && !UUID_V4.test(event.transactionId))).toEqual([]);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
  });

  it('signs in first with a provisioned or random operator, never a default, reports it is alive and opens the shift', () => {
    const [first] = events;
    expect(first?.type).toBe('operator.signed_in');
    expect(first?.sequence).toBe(1);
    const operatorIds = events.flatMap((event) => (event.type === 'operator.signed_in' ? [event.payload.operatorId] : []));
    for (const operatorId of operatorIds) {
      expect(operatorId).toMatch(/^op-[a-z2-7]{8}$/);
      expect(['admin', '123456', 'operator', 'root']).not.toContain(operatorId);
    }
    const provisioned = newScript(1, {}, 'op-provisioned-7').nextFlow();
    expect(provisioned).toEqual([
      expect.objectContaining({ type: 'operator.signed_in', payload: { operatorId: 'op-provisioned-7' } }),
      expect.objectContaining({ type: 'terminal.heartbeat', payload: { appVersion: 'sim-1.0', network: 'WIFI' } }),
      expect.objectContaining({ type: 'shift.opened', payload: { operatorId: 'op-provisioned-7', openingCashMinor: '50000', currency: 'CNY' } }),
    ]);
  });

  it('closes each shift before its batch, counting the drawer: opening cash, plus cash sales, less cash voids and refunds', () => {
    const shiftEvents = events.filter((event) => event.type === 'shift.opened' || event.type === 'shift.closed' || event.type === 'settlement.closed').map((event) => event.type);
    for (let i = 0; i + 2 < shiftEvents.length; i += 3) expect(shiftEvents.slice(i, i + 3)).toEqual(['shift.opened', 'shift.closed', 'settlement.closed']);
    const cashSales = new Map<string, bigint>();
    const amounts = new Map<string, bigint>();
    let drawer = 0n;
    const counted: { counted: string; expected: string }[] = [];
    for (const event of events) {
      if (event.type === 'amount.entered' && event.transactionId) amounts.set(event.transactionId, BigInt(event.payload.amountMinor));
      if (event.type === 'shift.opened') drawer = BigInt(event.payload.openingCashMinor);
      if (event.type === 'cash.received' && event.transactionId) {
        const amount = amounts.get(event.transactionId) ?? 0n;
        cashSales.set(event.transactionId, amount);
        drawer += amount;
      }
      if (event.type === 'transaction.voided') drawer -= cashSales.get(event.payload.originalTransactionId) ?? 0n;
      if (event.type === 'refund.approved' && cashSales.has(event.payload.originalTransactionId)) drawer -= BigInt(event.payload.amountMinor);
      if (event.type === 'shift.closed') counted.push({ counted: event.payload.countedCashMinor, expected: drawer.toString() });
    }
    expect(cashSales.size).toBeGreaterThan(100);
    expect(counted.filter((shift) => shift.counted !== shift.expected)).toEqual([]);
    expect(counted.some((shift) => shift.counted !== '50000')).toBe(true);
  });

  it('plays every sale as a valid contract flow', () => {
    const sales = [...byTransaction(events).values()].filter((flow) => flow.some((event) => event.type === 'authorization.requested'));
    expect(sales.length).toBeGreaterThan(2_000);
    const invalid = sales.map((flow) => ({ flow: flow.map((event) => event.type), problems: saleFlowViolations(flow) }));
    expect(invalid.filter((sale) => sale.problems.length > 0)).toEqual([]);
  });

  it('mixes methods and outcomes at the intended rates', () => {
    const methods = events.flatMap((event) => (event.type === 'payment.method_selected' ? [event.payload.method] : []));
    const share = (predicate: (method: PaymentMethod) => boolean): number => methods.filter(predicate).length / methods.length;
    expect(share((method) => method === 'CASH')).toBeGreaterThan(0.09);
    expect(share((method) => method === 'CASH')).toBeLessThan(0.15);
    const qrShareOfOthers = share((method) => method === 'WECHAT_PAY' || method === 'ALIPAY') / share((method) => method !== 'CASH');
    expect(qrShareOfOthers).toBeGreaterThan(0.25);
    expect(qrShareOfOthers).toBeLessThan(0.35);
    const count = (type: TerminalEvent['type']): number => events.filter((event) => event.type === type).length;
    const requested = count('authorization.requested');
    expect(count('authorization.approved') / requested).toBeGreaterThan(0.85);
    expect(count('authorization.approved') / requested).toBeLessThan(0.91);
    expect(count('authorization.declined') / requested).toBeGreaterThan(0.05);
    expect(count('authorization.timed_out')).toBeGreaterThan(0);
    expect(count('transaction.voided') / count('authorization.approved')).toBeGreaterThan(0.015);
    expect(count('transaction.voided') / count('authorization.approved')).toBeLessThan(0.045);
    expect(count('refund.approved')).toBeGreaterThan(0);
    expect(count('signature.captured')).toBeGreaterThan(0);
    expect(count('receipt.emailed')).toBeGreaterThan(0);
    expect(count('tip.entered')).toBeGreaterThan(0);
  });

  it('never emits a Luhn-valid 13-19 digit run anywhere', () => {
    expect(containsLuhnValidRun('card 4111111111111111 here')).toBe(true);
    expect(containsLuhnValidRun(JSON.stringify(events))).toBe(false);
    expect(containsLuhnValidRun(JSON.stringify(play(7, 3_000)))).toBe(false);
  });

  it('settles each simulated day with the totals of its approved, not voided sales', () => {
    const batches = settledBatches(events);
    expect(batches.length).toBeGreaterThan(5);
    batches.forEach((batch, index) => {
      expect(batch.reported).toEqual({ batchNumber: index + 1, totals: batch.expected });
      expect(batch.settledOnDay).toBe(batch.businessDay);
    });
    expect(events[events.length - 2]?.type).toBe('settlement.closed');
    expect(events[events.length - 1]?.type).toBe('operator.signed_out');
  });

  it('refunds only sales of closed batches, once, never above the sale', () => {
    const saleAmounts = new Map<string, bigint>();
    const settled = new Set<string>();
    const approvedInBatch: string[] = [];
    const refunded = new Set<string>();
    const holds = new Set<string>();
    let refunds = 0;
    for (const event of events) {
      if (event.type === 'amount.entered' && event.transactionId !== undefined) saleAmounts.set(event.transactionId, BigInt(event.payload.amountMinor));
      if (event.type === 'preauthorization.requested' && event.transactionId !== undefined) holds.add(event.transactionId);
      const sells = (event.type === 'authorization.approved' && !holds.has(event.transactionId ?? '')) || event.type === 'cash.received' || event.type === 'preauthorization.completed';
      if (sells && event.transactionId !== undefined) approvedInBatch.push(event.transactionId);
      if (event.type === 'settlement.closed') approvedInBatch.splice(0).forEach((id) => settled.add(id));
      if (event.type === 'refund.approved') {
        refunds += 1;
        const original = event.payload.originalTransactionId;
        expect(settled.has(original)).toBe(true);
        expect(refunded.has(original)).toBe(false);
        refunded.add(original);
        const amount = BigInt(event.payload.amountMinor);
        expect(amount).toBeGreaterThan(0n);
        expect(amount).toBeLessThanOrEqual(saleAmounts.get(original) ?? -1n);
        expect(event.payload.currency).toBe('CNY');
        expect(event.transactionId).not.toBe(original);
      }
    }
    expect(refunds).toBeGreaterThan(0);
  });

  it('signs out after each settlement and back in before the next day', () => {
    const lifecycle = events
      .filter((event) => ['operator.signed_in', 'operator.signed_out', 'settlement.closed'].includes(event.type))
      .map((event) => event.type);
    for (let i = 0; i < lifecycle.length; i += 3) {
      expect(lifecycle.slice(i, i + 3)).toEqual(['operator.signed_in', 'settlement.closed', 'operator.signed_out']);
    }
  });

  it('leaves one sale out of the terminal totals only when mismatches are asked for', () => {
    const batches = settledBatches(play(42, 3_000, { mismatch: 1 })).filter((batch) => batch.expected.length > 0);
    expect(batches.length).toBeGreaterThan(5);
    for (const batch of batches) {
      const count = (lines: readonly SettlementTotalLine[]): number => lines.reduce((sum, line) => sum + line.count, 0);
      expect(count(batch.reported.totals)).toBe(count(batch.expected) - 1);
      const differing = batch.expected.filter((line) => !batch.reported.totals.some((reported) => JSON.stringify(reported) === JSON.stringify(line)));
      expect(differing).toHaveLength(1);
    }
  });

  it('replays the same flow after restore of a snapshot', () => {
    const script = newScript(9);
    for (let i = 0; i < 40; i++) script.nextFlow();
    const mark = script.snapshot();
    const ahead = [script.nextFlow(), script.nextFlow()];
    script.restore(mark);
    expect([script.nextFlow(), script.nextFlow()]).toEqual(ahead);
  });

  it('follows an injected live clock and closes a batch on its own day past midnight', () => {
    let now = Date.parse('2026-11-23T23:59:00.000Z');
    const script = new TrafficScript({ prng: new Prng(5), terminalId: 't-live', currency: 'CNY', clock: { kind: 'live', now: () => now } });
    expect(script.nextFlow()[0]?.occurredAt).toBe('2026-11-23T23:59:00.000Z');
    const sale = script.nextFlow();
    expect(sale.every((event) => event.occurredAt === '2026-11-23T23:59:00.000Z')).toBe(true);
    now += 2 * 60_000;
    const close = script.nextFlow();
    expect(close.map((event) => event.type).slice(-2)).toEqual(['settlement.closed', 'operator.signed_out']);
    for (const event of close) expect(Date.parse(event.occurredAt)).toBeLessThan(Date.parse('2026-11-24T00:00:00.000Z'));
    const signIn = script.nextFlow();
    expect(signIn[0]).toMatchObject({ type: 'operator.signed_in', occurredAt: '2026-11-24T00:01:00.000Z' });
    expect(DAY_MS).toBe(86_400_000);
  });
});

const OFFLINE_LIMIT = 50_000n;

interface PlayedFlow {
  readonly events: TerminalEvent[];
  /** Played in an outage: the script was offline before or after it (the last flow of one forwards its sales). */
  readonly inOutage: boolean;
}

function playFlows(script: TrafficScript, flows: number): PlayedFlow[] {
  const played: PlayedFlow[] = [];
  for (let i = 0; i <= flows; i++) {
    const offlineBefore = script.offline;
    const events = i < flows ? script.nextFlow() : script.closeBatch();
    played.push({ events, inOutage: offlineBefore || script.offline });
  }
  return played;
}

/** Card sales whose card was presented in an outage, each with its whole history in the stream. */
function cardSalesInOutage(flows: readonly PlayedFlow[]): TerminalEvent[][] {
  const started = new Set(flows.filter((flow) => flow.inOutage).flatMap((flow) => flow.events.filter((event) => event.type === 'card.inserted').map((event) => event.transactionId)));
  return [...byTransaction(flows.flatMap((flow) => flow.events))].filter(([id]) => started.has(id)).map(([, sale]) => sale);
}

const amountOf = (sale: readonly TerminalEvent[]): bigint => {
  const entered = sale.find((event) => event.type === 'amount.entered');
  return entered?.type === 'amount.entered' ? BigInt(entered.payload.amountMinor) : -1n;
};
const AUTHORIZATION_TYPES: readonly TerminalEvent['type'][] = ['authorization.requested', 'authorization.approved', 'authorization.approved_offline', 'authorization.declined', 'authorization.timed_out'];

describe('TrafficScript in host outages', () => {
  const flows = playFlows(newScript(42, { outage: 0.03 }, undefined, OFFLINE_LIMIT), 3_000);
  const events = flows.flatMap((flow) => flow.events);
  const offlineIds = new Set(events.flatMap((event) => (event.type === 'authorization.approved_offline' ? [event.transactionId] : [])));

  it('approves card sales within the offline limit offline, without a tip; refuses those above it; takes no QR', () => {
    const inOutage = flows.filter((flow) => flow.inOutage).flatMap((flow) => flow.events);
    expect(inOutage.filter((event) => event.type === 'qr.scanned' || event.type === 'authorization.requested')).toEqual([]);
    expect(flows.filter((flow) => !flow.inOutage).flatMap((flow) => flow.events).filter((event) => event.type === 'authorization.approved_offline')).toEqual([]);
    expect(inOutage.some((event) => event.type === 'cash.received')).toBe(true);

    const sales = cardSalesInOutage(flows);
    const approved = sales.filter((sale) => sale.some((event) => event.type === 'authorization.approved_offline'));
    const refused = sales.filter((sale) => !approved.includes(sale));
    expect(approved.length).toBeGreaterThan(100);
    expect(refused.length).toBeGreaterThan(10);
    expect(approved.filter((sale) => amountOf(sale) > OFFLINE_LIMIT || sale.some((event) => event.type === 'tip.entered'))).toEqual([]);
    expect(refused.filter((sale) => amountOf(sale) <= OFFLINE_LIMIT || sale.some((event) => AUTHORIZATION_TYPES.includes(event.type)))).toEqual([]);
    expect(refused.map((sale) => sale[sale.length - 1]?.type)).toEqual(refused.map(() => 'amount.entered'));
  });

  it("forwards every offline sale once, before its batch closes, with the host's approval or decline", () => {
    const awaiting = new Set<string>();
    const answers: TerminalEvent[] = [];
    for (const event of events) {
      if (event.type === 'authorization.approved_offline' && event.transactionId) awaiting.add(event.transactionId);
      if ((event.type === 'authorization.approved' || event.type === 'authorization.declined') && offlineIds.has(event.transactionId)) {
        expect(awaiting.delete(event.transactionId ?? '')).toBe(true);
        answers.push(event);
      }
      if (event.type === 'settlement.closed') expect(awaiting.size).toBe(0);
    }
    expect(answers).toHaveLength(offlineIds.size);
    const declines = answers.flatMap((event) => (event.type === 'authorization.declined' ? [event.payload] : []));
    expect(declines.length / answers.length).toBeGreaterThan(0.05);
    expect(declines.length / answers.length).toBeLessThan(0.16);
    expect(declines.filter((payload) => !['51', '05', '61', '91'].includes(payload.responseCode))).toEqual([]);
    for (const event of answers) {
      if (event.type === 'authorization.approved') expect(event.payload).toEqual({ authCode: expect.stringMatching(/^[0-9A-Z]{6}$/), hostReference: expect.stringMatching(/^\d{12}$/) });
    }
  });

  it('settles each batch without the offline sales the host declined, and voids and refunds none awaiting the host', () => {
    const batches = settledBatches(events);
    expect(batches.length).toBeGreaterThan(5);
    batches.forEach((batch, index) => expect(batch.reported).toEqual({ batchNumber: index + 1, totals: batch.expected }));
    const originals = (type: 'transaction.voided' | 'refund.approved'): string[] => events.flatMap((event) => (event.type === type ? [event.payload.originalTransactionId] : []));
    const declined = new Set(events.flatMap((event) => (event.type === 'authorization.declined' && offlineIds.has(event.transactionId) ? [event.transactionId] : [])));
    expect(declined.size).toBeGreaterThan(5);
    expect(originals('transaction.voided').filter((id) => offlineIds.has(id))).toEqual([]);
    expect(originals('refund.approved').filter((id) => declined.has(id))).toEqual([]);
  });

  it('approves nothing offline without a limit: card sales in an outage stay unfinished', () => {
    const withoutLimit = playFlows(newScript(42, { outage: 0.03 }), 1_000);
    const sales = cardSalesInOutage(withoutLimit);
    expect(sales.length).toBeGreaterThan(20);
    expect(sales.filter((sale) => sale.some((event) => AUTHORIZATION_TYPES.includes(event.type)))).toEqual([]);
  });

  it('replays the same flows after restore of a snapshot taken in an outage, its offline sales forwarded alike', () => {
    const script = newScript(9, { outage: 0.2 }, undefined, OFFLINE_LIMIT);
    let flow = script.nextFlow();
    while (!(script.offline && flow.some((event) => event.type === 'authorization.approved_offline'))) flow = script.nextFlow();
    const mark = script.snapshot();
    const playAhead = (): TerminalEvent[][] => [...Array.from({ length: 12 }, () => script.nextFlow()), script.closeBatch()];
    const ahead = playAhead();
    const pending = flow.find((event) => event.type === 'authorization.approved_offline')?.transactionId;
    expect(ahead.flat().some((event) => event.transactionId === pending && (event.type === 'authorization.approved' || event.type === 'authorization.declined'))).toBe(true);
    script.restore(mark);
    expect(playAhead()).toEqual(ahead);
  });
});

describe('TrafficScript at a deposit desk (预授权) and as a live terminal', () => {
  const events = play(7, 3_000, { preAuthorization: 0.1, outage: 0 });

  it('holds deposits that are not sold, and completes each at most once for no more than it held, or cancels it', () => {
    const held = new Map<string, bigint>();
    const ended = new Set<string>();
    let completions = 0;
    let cancellations = 0;
    for (const [i, event] of events.entries()) {
      const id = event.transactionId ?? '';
      if (event.type === 'preauthorization.requested') {
        const amount = events[i - 1];
        expect(amount?.type).toBe('amount.entered');
        if (amount?.type === 'amount.entered' && events[i + 1]?.type === 'authorization.approved') held.set(id, BigInt(amount.payload.amountMinor));
      }
      if (event.type === 'preauthorization.completed' || event.type === 'preauthorization.cancelled') {
        expect(held.has(id)).toBe(true);
        expect(ended.has(id)).toBe(false);
        ended.add(id);
      }
      if (event.type === 'preauthorization.completed') {
        completions += 1;
        expect(BigInt(event.payload.amountMinor)).toBeLessThanOrEqual(held.get(id) ?? -1n);
      }
      if (event.type === 'preauthorization.cancelled') cancellations += 1;
      if (event.type === 'transaction.voided') expect(held.has(event.payload.originalTransactionId)).toBe(false);
    }
    expect(completions).toBeGreaterThan(10);
    expect(cancellations).toBeGreaterThan(0);
    // The batches' totals (checked against the stream above) count completions and never a hold.
    for (const batch of settledBatches(events)) expect(batch.reported.totals).toEqual(batch.expected);
  });

  it('sends a heartbeat as the next customer arrives once a minute has passed since the last one', () => {
    const script = newScript(7, { outage: 0 });
    let lastBeat = Number.NEGATIVE_INFINITY;
    let flowsDue = 0;
    for (let i = 0; i < 2_000; i++) {
      const flow = script.nextFlow();
      const startsAt = Date.parse(flow[0]?.occurredAt ?? '');
      const beats = flow.filter((event) => event.type === 'terminal.heartbeat');
      // A sign-in beats right after it, the day's close is no customer; any other flow due a beat starts with one.
      const customer = flow[0]?.type !== 'operator.signed_in' && !flow.some((event) => event.type === 'settlement.closed');
      if (customer && startsAt - lastBeat >= 60_000) {
        flowsDue += 1;
        expect(flow[0]?.type).toBe('terminal.heartbeat');
        expect(flow[1]?.occurredAt).toBe(flow[0]?.occurredAt);
      }
      if (beats.length > 0) lastBeat = Date.parse(beats[beats.length - 1].occurredAt);
    }
    expect(flowsDue).toBeGreaterThan(100);
  });
});

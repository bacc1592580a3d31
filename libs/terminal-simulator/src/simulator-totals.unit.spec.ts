import { SimulatorBooks } from './simulator-totals';
import { PaymentMethod, TerminalEvent, TerminalEventPayloads, TerminalEventType } from './terminal-event';
import { simulatedScript } from './test-support/simulated-script';

function streamOf(terminalId: string): {
  event: <K extends TerminalEventType>(type: K, payload: TerminalEventPayloads[K], transactionId?: string) => TerminalEvent;
  sale: (transactionId: string, method: PaymentMethod, amountMinor: string, outcome: 'approved' | 'declined') => TerminalEvent[];
} {
  let sequence = 0;
  const event = <K extends TerminalEventType>(type: K, payload: TerminalEventPayloads[K], transactionId?: string): TerminalEvent => {
    sequence += 1;
    const built = {
      eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
      terminalId,
      sequence,
      occurredAt: new Date(Date.UTC(2026, 10, 23, 9, 0, sequence)).toISOString(),
      ...(transactionId === undefined ? {} : { transactionId }),
      type,
      payload,
    };
    return built as TerminalEvent;
  };
  const sale = (transactionId: string, method: PaymentMethod, amountMinor: string, outcome: 'approved' | 'declined'): TerminalEvent[] => [
    event('payment.method_selected', { method }, transactionId),
    event('amount.entered', { amountMinor, currency: 'CNY' }, transactionId),
    event('authorization.requested', {}, transactionId),
    outcome === 'approved'
      ? event('authorization.approved', { authCode: 'A1B2C3', hostReference: '000000000001' }, transactionId)
      : event('authorization.declined', { responseCode: '51', reason: 'INSUFFICIENT_FUNDS' }, transactionId),
  ];
  return { event, sale };
}

const ZERO = { count: 0, gross: '0', tips: '0', voids: '0', refunds: '0', offlineDeclined: '0' };

describe('SimulatorBooks', () => {
  it('books approved sales, voids and refunds per merchant, method and terminal', () => {
    const books = new SimulatorBooks();
    books.registerTerminal({ terminalId: 't-1', merchantId: 'm-1', currency: 'CNY' });
    books.registerTerminal({ terminalId: 't-2', merchantId: 'm-1', currency: 'CNY' });
    books.registerTerminal({ terminalId: 't-3', merchantId: 'm-2', currency: 'CNY' });
    const t1 = streamOf('t-1');
    const t2 = streamOf('t-2');
    books.recordAccepted('t-1', [
      ...t1.sale('s-1', 'DEBIT', '10000', 'approved'),
      ...t1.sale('s-2', 'ALIPAY', '2550', 'approved'),
      ...t1.sale('s-3', 'CREDIT', '99999', 'declined'),
      t1.event('transaction.voided', { originalTransactionId: 's-2' }, 'v-1'),
    ]);
    books.recordAccepted('t-2', [
      ...t2.sale('s-4', 'DEBIT', '900000000000000000001', 'approved'),
      t2.event('refund.approved', { originalTransactionId: 's-4', amountMinor: '1', currency: 'CNY' }, 'r-1'),
    ]);

    const totals = books.totalsByMerchant();
    expect(totals['m-1']).toEqual({
      currency: 'CNY',
      count: 2,
      gross: '900000000000000010001',
      tips: '0',
      voids: '2550',
      refunds: '1',
      offlineDeclined: '0',
      byMethod: {
        DEBIT: { ...ZERO, count: 2, gross: '900000000000000010001', refunds: '1' },
        CREDIT: ZERO,
        WECHAT_PAY: ZERO,
        ALIPAY: { ...ZERO, voids: '2550' },
        CASH: ZERO,
      },
      byTerminal: {
        't-1': { ...ZERO, count: 1, gross: '10000', voids: '2550' },
        't-2': { ...ZERO, count: 1, gross: '900000000000000000001', refunds: '1' },
      },
    });
    expect(totals['m-2']).toMatchObject({ ...ZERO, byTerminal: { 't-3': ZERO } });
  });

  it('books an offline approval as a sale; the host confirming it changes nothing, declining it books what it stood for as offlineDeclined', () => {
    const books = new SimulatorBooks();
    books.registerTerminal({ terminalId: 't-1', merchantId: 'm-1', currency: 'CNY' });
    const t1 = streamOf('t-1');
    const offline = (transactionId: string, method: PaymentMethod, amountMinor: string): TerminalEvent[] => [
      t1.event('payment.method_selected', { method }, transactionId),
      t1.event('amount.entered', { amountMinor, currency: 'CNY' }, transactionId),
      t1.event('authorization.approved_offline', {}, transactionId),
    ];
    const declined = (transactionId: string): TerminalEvent => t1.event('authorization.declined', { responseCode: '05', reason: 'DO_NOT_HONOR' }, transactionId);
    books.recordAccepted('t-1', [
      ...offline('s-1', 'DEBIT', '4000'),
      ...offline('s-2', 'CREDIT', '6000'),
      t1.event('tip.entered', { tipMinor: '500', currency: 'CNY' }, 's-2'),
      ...offline('s-3', 'CREDIT', '2000'),
      ...offline('s-4', 'DEBIT', '1500'),
      t1.event('transaction.voided', { originalTransactionId: 's-4' }, 'v-1'),
    ]);
    expect(books.totalsByMerchant()['m-1']).toMatchObject({ count: 3, gross: '12000', tips: '500', voids: '1500', offlineDeclined: '0' });

    books.recordAccepted('t-1', [
      t1.event('authorization.approved', { authCode: 'A1B2C3', hostReference: '000000000001' }, 's-1'),
      declined('s-2'),
      t1.event('refund.approved', { originalTransactionId: 's-3', amountMinor: '700', currency: 'CNY' }, 'r-1'),
      declined('s-3'),
      // What the ledger refuses changes nothing: a decline of a confirmed or voided sale, a void or refund of a declined one.
      declined('s-1'),
      declined('s-4'),
      t1.event('transaction.voided', { originalTransactionId: 's-2' }, 'v-2'),
      t1.event('refund.approved', { originalTransactionId: 's-2', amountMinor: '100', currency: 'CNY' }, 'r-2'),
    ]);
    const totals = books.totalsByMerchant()['m-1'];
    expect(totals).toMatchObject({ count: 3, gross: '12000', tips: '500', voids: '1500', refunds: '700', offlineDeclined: '7800' });
    expect(totals?.byMethod.CREDIT).toEqual({ count: 2, gross: '8000', tips: '500', voids: '0', refunds: '700', offlineDeclined: '7800' });
    expect(totals?.byMethod.DEBIT.offlineDeclined).toBe('0');
  });

  it('counts nothing that was not recorded as accepted', () => {
    const books = new SimulatorBooks();
    books.registerTerminal({ terminalId: 't-1', merchantId: 'm-1', currency: 'CNY' });
    streamOf('t-1').sale('s-1', 'DEBIT', '100', 'approved');
    expect(books.totalsByMerchant()['m-1']).toMatchObject(ZERO);
  });

  it('keeps one currency per merchant and refuses unknown terminals', () => {
    const books = new SimulatorBooks();
    books.registerTerminal({ terminalId: 't-1', merchantId: 'm-1', currency: 'CNY' });
    expect(() => books.registerTerminal({ terminalId: 't-2', merchantId: 'm-1', currency: 'USD' })).toThrow(/settles in CNY/);
    expect(() => books.recordAccepted('t-9', [])).toThrow(/not booked/);
  });

  it('agrees with the settlements of a whole scripted run, with outages and offline sales', () => {
    const script = simulatedScript(11, { rates: { outage: 0.05 }, offlineUpToMinor: 50_000n });
    const events: TerminalEvent[] = [];
    for (let i = 0; i < 2_000; i++) events.push(...script.nextFlow());
    events.push(...script.closeBatch());
    const books = new SimulatorBooks();
    books.registerTerminal({ terminalId: 't-1', merchantId: 'm-1', currency: 'CNY' });
    for (let start = 0; start < events.length; start += 20) books.recordAccepted('t-1', events.slice(start, start + 20));

    // What the batches captured (tips included), cash sales (never settled) not voided, and offline sales the host
    // declined (in count and gross, out of their batch).
    let settledCount = 0;
    let settledGross = 0n;
    let refunds = 0n;
    const amounts = new Map<string, bigint>();
    const cash = new Map<string, bigint>();
    const offline = new Set<string>();
    const declined = new Map<string, bigint>();
    for (const event of events) {
      if (event.type === 'amount.entered' && event.transactionId) amounts.set(event.transactionId, BigInt(event.payload.amountMinor));
      if (event.type === 'cash.received' && event.transactionId) cash.set(event.transactionId, amounts.get(event.transactionId) ?? 0n);
      if (event.type === 'transaction.voided') cash.delete(event.payload.originalTransactionId);
      if (event.type === 'authorization.approved_offline' && event.transactionId) offline.add(event.transactionId);
      if (event.type === 'authorization.declined' && event.transactionId && offline.has(event.transactionId)) {
        declined.set(event.transactionId, amounts.get(event.transactionId) ?? 0n);
      }
      if (event.type === 'settlement.closed') {
        for (const line of event.payload.totals) {
          settledCount += line.count;
          settledGross += BigInt(line.amountMinor);
        }
      }
      if (event.type === 'refund.approved') refunds += BigInt(event.payload.amountMinor);
    }
    const sum = (amounts: Iterable<bigint>): bigint => [...amounts].reduce((total, amount) => total + amount, 0n);
    expect(cash.size).toBeGreaterThan(0);
    expect(declined.size).toBeGreaterThan(0);
    settledCount += cash.size + declined.size;
    settledGross += sum(cash.values()) + sum(declined.values());
    const totals = books.totalsByMerchant()['m-1'];
    // A batch's totals count tips with their sales; the books keep them apart.
    expect(totals).toMatchObject({ count: settledCount, refunds: refunds.toString(), offlineDeclined: sum(declined.values()).toString() });
    expect(BigInt(totals?.tips ?? '0')).toBeGreaterThan(0n);
    expect(BigInt(totals?.gross ?? '0') + BigInt(totals?.tips ?? '0')).toBe(settledGross);
    expect(BigInt(totals?.voids ?? '0')).toBeGreaterThan(0n);
  });
});

import { Prng } from './prng';
import { SimulatorBooks } from './simulator-totals';
import { PaymentMethod, TerminalEvent, TerminalEventPayloads, TerminalEventType } from './terminal-event';
import { TrafficScript } from './traffic-script';

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

const ZERO = { count: 0, gross: '0', tips: '0', voids: '0', refunds: '0' };

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
      byMethod: {
        DEBIT: { count: 2, gross: '900000000000000010001', tips: '0', voids: '0', refunds: '1' },
        CREDIT: ZERO,
        WECHAT_PAY: ZERO,
        ALIPAY: { count: 0, gross: '0', tips: '0', voids: '2550', refunds: '0' },
        CASH: ZERO,
      },
      byTerminal: {
        't-1': { count: 1, gross: '10000', tips: '0', voids: '2550', refunds: '0' },
        't-2': { count: 1, gross: '900000000000000000001', tips: '0', voids: '0', refunds: '1' },
      },
    });
    expect(totals['m-2']).toMatchObject({ ...ZERO, byTerminal: { 't-3': ZERO } });
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

  it('agrees with the settlements of a whole scripted run', () => {
    const script = new TrafficScript({
      prng: new Prng(11),
      terminalId: 't-1',
      currency: 'CNY',
      clock: { kind: 'simulated', startAt: Date.parse('2026-11-23T08:00:00.000Z') },
    });
    const events: TerminalEvent[] = [];
    for (let i = 0; i < 2_000; i++) events.push(...script.nextFlow());
    events.push(...script.closeBatch());
    const books = new SimulatorBooks();
    books.registerTerminal({ terminalId: 't-1', merchantId: 'm-1', currency: 'CNY' });
    for (let start = 0; start < events.length; start += 20) books.recordAccepted('t-1', events.slice(start, start + 20));

    // What the batches captured (tips included), and cash sales (never settled) not voided.
    let settledCount = 0;
    let settledGross = 0n;
    let refunds = 0n;
    const amounts = new Map<string, bigint>();
    const cash = new Map<string, bigint>();
    for (const event of events) {
      if (event.type === 'amount.entered' && event.transactionId) amounts.set(event.transactionId, BigInt(event.payload.amountMinor));
      if (event.type === 'cash.received' && event.transactionId) cash.set(event.transactionId, amounts.get(event.transactionId) ?? 0n);
      if (event.type === 'transaction.voided') cash.delete(event.payload.originalTransactionId);
      if (event.type === 'settlement.closed') {
        for (const line of event.payload.totals) {
          settledCount += line.count;
          settledGross += BigInt(line.amountMinor);
        }
      }
      if (event.type === 'refund.approved') refunds += BigInt(event.payload.amountMinor);
    }
    expect(cash.size).toBeGreaterThan(0);
    settledCount += cash.size;
    settledGross += [...cash.values()].reduce((sum, amount) => sum + amount, 0n);
    const totals = books.totalsByMerchant()['m-1'];
    // A batch's totals count tips with their sales; the books keep them apart.
    expect(totals).toMatchObject({ count: settledCount, refunds: refunds.toString() });
    expect(BigInt(totals?.tips ?? '0')).toBeGreaterThan(0n);
    expect(BigInt(totals?.gross ?? '0') + BigInt(totals?.tips ?? '0')).toBe(settledGross);
    expect(BigInt(totals?.voids ?? '0')).toBeGreaterThan(0n);
  });
});

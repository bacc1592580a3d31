// A terminal that posts one complete QR sale at a fixed interval and times each sale from the start of its POST
// until salesSummary(groupBy: TERMINAL), with its merchant's token, counts it.
import { randomUUID } from 'node:crypto';
import type { TerminalEvent } from '@posledger/terminal-simulator';
import { postSigned } from './post-signed';
import { reportsGraphql } from './reports-graphql';
import { signBatch } from './signed-batches';

export interface ProbeTarget {
  readonly ingestEndpoint: string;
  readonly graphqlUrl: string;
  /** A token of the probe terminal's merchant. */
  readonly token: string;
}

export interface ProbeTerminal {
  readonly terminalId: string;
  readonly secret: string;
  readonly currency: string;
}

export interface ProbeSample {
  /** Date.now() when the POST started. */
  readonly postedAt: number;
  /** From the start of the POST until a salesSummary answer counted the sale. */
  readonly visibleMs: number;
}

const SALE_EVENTS = 5;
/** Every sale of a run must be counted within this time from the run's start. */
const RUN_DEADLINE_MS = 120_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** An approved WeChat Pay sale in 5 events from `firstSequence`, dated now. */
export function qrSale(terminalId: string, firstSequence: number, amountMinor: string, currency: string): TerminalEvent[] {
  const transactionId = randomUUID();
  const occurredAt = new Date().toISOString();
  const at = (offset: number) => ({ eventId: randomUUID(), terminalId, sequence: firstSequence + offset, occurredAt, transactionId });
  return [
    { ...at(0), type: 'payment.method_selected', payload: { method: 'WECHAT_PAY' } },
    { ...at(1), type: 'amount.entered', payload: { amountMinor, currency } },
    { ...at(2), type: 'qr.scanned', payload: { walletReference: `WX-${firstSequence}` } },
    { ...at(3), type: 'authorization.requested', payload: {} },
    { ...at(4), type: 'authorization.approved', payload: { authCode: 'A1', hostReference: `H-${firstSequence}` } },
  ];
}

export class SaleProbe {
  private salesPosted = 0;

  /** `nextSequence`: the terminal's next sequence (it has posted everything before, and no sale yet). */
  constructor(
    private readonly target: ProbeTarget,
    private readonly terminal: ProbeTerminal,
    private nextSequence: number,
  ) {}

  /**
   * Posts `sales` sales, one every `intervalMs` (or as soon as the previous POST is answered, if later), while
   * polling salesSummary every `pollMs` as long as a sale is not yet counted; resolves once every sale was seen.
   */
  async run(sales: number, intervalMs: number, pollMs: number): Promise<ProbeSample[]> {
    const waiting: { count: number; postedAt: number; resolve: (sample: ProbeSample) => void }[] = [];
    let posting = true;
    const poll = async (): Promise<void> => {
      for (const deadline = Date.now() + RUN_DEADLINE_MS; posting || waiting.length > 0; await sleep(pollMs)) {
        if (waiting.length === 0) continue;
        if (Date.now() > deadline) throw new Error(`${waiting.length} probe sales not counted within ${RUN_DEADLINE_MS} ms`);
        const counted = await countedSales(this.target.graphqlUrl, this.target.token, this.terminal.terminalId);
        const seenAt = Date.now();
        for (const sale of waiting.filter((w) => w.count <= counted)) {
          waiting.splice(waiting.indexOf(sale), 1);
          sale.resolve({ postedAt: sale.postedAt, visibleMs: seenAt - sale.postedAt });
        }
      }
    };
    const polling = poll();
    // Awaited once posting is done; until then a failed poll must not count as an unhandled rejection.
    polling.catch(() => undefined);
    const samples: Promise<ProbeSample>[] = [];
    try {
      const startedAt = Date.now();
      for (let k = 0; k < sales; k++) {
        await sleep(startedAt + k * intervalMs - Date.now());
        const request = signBatch(this.terminal.terminalId, this.terminal.secret, qrSale(this.terminal.terminalId, this.nextSequence, '1000', this.terminal.currency));
        this.nextSequence += SALE_EVENTS;
        const count = ++this.salesPosted;
        const postedAt = Date.now();
        samples.push(new Promise((resolve) => waiting.push({ count, postedAt, resolve })));
        const status = await postSigned(this.target.ingestEndpoint, request);
        if (status !== 202) throw new Error(`probe sale ${count} answered ${status}`);
      }
    } catch (error) {
      waiting.length = 0;
      throw error;
    } finally {
      posting = false;
    }
    await polling;
    return Promise.all(samples);
  }

}

/** The terminal's sale count in salesSummary(groupBy: TERMINAL), with a token of its merchant. */
export async function countedSales(graphqlUrl: string, token: string, terminalId: string): Promise<number> {
  const data = await reportsGraphql<{ salesSummary: { key: string; count: number }[] }>(
    graphqlUrl,
    token,
    '{ salesSummary(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: TERMINAL) { key count } }',
  );
  return data.salesSummary.find((bucket) => bucket.key === terminalId)?.count ?? 0;
}

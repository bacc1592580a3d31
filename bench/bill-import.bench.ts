// Importing an outside bill, what costs what: a WeChat Pay trade bill of 100,000 sales parsed (decoded, every field
// checked, the summary checked) against splitting the same bytes into lines and fields and nothing else, then matched
// against the ledger's 100,000 trades of the day; and the size of the BillImported event that records its lines.
import {
  basisPointsOf, matchBill, parseBill, wechatPayBillText, type BillFileLine, type LedgerBatch, type LedgerTrade,
} from '@posledger/domain';
import { percentile, perSecond } from './support/stats';
import { runBench } from './support/temp-dir';
import { timedWithGc } from './support/timed-with-gc';

const LINES = 100_000;
const PASSES = 3;
const DAY = '2026-11-23';

function day(): { lines: BillFileLine[]; trades: LedgerTrade[]; batches: LedgerBatch[] } {
  const lines: BillFileLine[] = [];
  const trades: LedgerTrade[] = [];
  for (let n = 0; n < LINES; n++) {
    const minor = String(100 + ((n * 7919) % 99_900));
    const fee = { currency: 'CNY', minor: basisPointsOf(BigInt(minor), 60).toString() };
    const reference = `42000${String(n).padStart(17, '0')}`;
    const second = n % 86_400;
    const localTime = `${DAY} ${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
    lines.push({ kind: 'SALE', reference, merchantReference: `tx-${n}`, refundReference: '', localTime, amount: { currency: 'CNY', minor }, fee });
    trades.push({
      kind: 'SALE', terminalId: `t-${n % 50}`, transactionId: `tx-${n}`, saleTransactionId: `tx-${n}`, method: 'WECHAT_PAY', walletReference: reference, hostReference: '',
      amount: { currency: 'CNY', minor }, fee, occurredAt: new Date(Date.parse(`${DAY}T00:00:00+08:00`) + second * 1000).toISOString(), batchNumber: 1,
    });
  }
  return { lines, trades, batches: [] };
}

/** The floor: decoding the bytes and cutting them into lines and fields, checking nothing. */
function splitOnly(bytes: Uint8Array): number {
  let fields = 0;
  for (const line of new TextDecoder().decode(bytes).split('\r\n')) fields += line.split(',').length;
  return fields;
}

runBench(async () => {
  const { lines, trades, batches } = day();
  const bytes = new TextEncoder().encode(wechatPayBillText(lines));
  console.log(`a WeChat Pay bill of ${LINES.toLocaleString('en-US')} sales: ${(bytes.length / 1024 / 1024).toFixed(1)} MiB`);
  const split = [];
  const parsed = [];
  const matched = [];
  for (let pass = 0; pass < PASSES; pass++) {
    split.push(await timedWithGc(() => splitOnly(bytes)));
    parsed.push(await timedWithGc(() => parseBill('wechat-pay', bytes)));
    const bill = { ...parsed[pass].result, date: DAY };
    matched.push(await timedWithGc(() => matchBill(bill, 'Asia/Shanghai', { trades, batches })));
    if (matched[pass].result.matched !== LINES) throw new Error(`matched ${matched[pass].result.matched} of ${LINES}`);
  }
  const rate = (runs: { ms: number }[]) => percentile(runs.map((run) => perSecond(LINES, run.ms)), 50);
  console.log(`split into lines and fields only (the floor): ${rate(split).toLocaleString('en-US')} lines/s`);
  console.log(`parsed (decoded, every field and the summary checked): ${rate(parsed).toLocaleString('en-US')} lines/s, ${(rate(parsed) / rate(split)).toFixed(2)}x the floor`);
  console.log(`matched against the ledger's ${LINES.toLocaleString('en-US')} trades, three-way included: ${rate(matched).toLocaleString('en-US')} lines/s`);
  const recorded = Buffer.byteLength(JSON.stringify({ lines: parsed[0].result.lines }));
  console.log(`BillImported's lines as JSON: ${(recorded / 1024 / 1024).toFixed(1)} MiB, ${Math.round(recorded / LINES)} bytes per line (the file: ${Math.round(bytes.length / LINES)} bytes per line)`);
});

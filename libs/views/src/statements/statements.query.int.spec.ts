// The statements queries on chDB over the statements view projected from statement streams.
import { createHash } from 'node:crypto';
import { statementStream, type StatementIssued } from '@posledger/domain';
import type { ReadStore } from '@posledger/read-store';
import { projectedReadStore } from '../testing/projected-read-store';
import { queryStatementFiles, queryStatements } from './statements.query';

const AT = Date.parse('2026-11-24T03:00:00.000Z');
// What a byte-for-byte copy must keep: a BOM, CRLF and LF, quotes, commas, a tab, a backslash, CJK and an emoji.
const CSV = '\uFEFFsection,method,amount_minor\r\nSALES,"WECHAT_PAY, 微信",12000\r\nOTHER,"say ""hi""\tC:\\till",0\n🧾,,\r\n';
const sha256 = (csv: string) => createHash('sha256').update(csv, 'utf8').digest('hex');

function issued(merchantId: string, date: string, version: number, csv: string, issuedAt: string): StatementIssued {
  return { type: 'StatementIssued', data: { merchantId, date, version, throughPosition: `${9_007_199_254_740_993n + BigInt(version)}`, sha256: sha256(csv), csv, pdfSha256: sha256(`%PDF ${csv}`), pdf: Buffer.from(`%PDF ${csv}`).toString('base64'), issuedAt } };
}

const ISSUED: StatementIssued[] = [
  issued('m-1', '2026-11-23', 1, CSV, '2026-11-23T16:05:00.000Z'),
  issued('m-1', '2026-11-22', 1, 'day,22\n', '2026-11-22T16:05:00.000Z'),
  issued('m-2', '2026-11-23', 1, 'other merchant\n', '2026-11-23T16:05:00.000Z'),
  issued('m-1', '2026-11-23', 2, `${CSV}late\r\n`, '2026-11-24T02:00:00.000Z'),
  issued('m-1', '2026-11-24', 1, 'day,24\n', '2026-11-24T16:05:00.000Z'),
];

describe('statements queries', () => {
  let views: Awaited<ReturnType<typeof projectedReadStore>>;
  let store: ReadStore;

  beforeAll(async () => {
    views = await projectedReadStore('statements_query', ISSUED.map((event) => ({ streamId: statementStream(event.data.merchantId), ...event })), AT);
    store = views.store;
  });

  afterAll(() => views.close());

  it('lists every version of the merchant’s statements for the days from fromDate to before toDate, by date then version, without their files', async () => {
    expect(await queryStatements(store, { merchantId: 'm-1', fromDate: '2026-11-22', toDate: '2026-11-24' })).toEqual([
      { date: '2026-11-22', version: 1, sha256: sha256('day,22\n'), pdfSha256: sha256('%PDF day,22\n'), throughPosition: '9007199254740994', issuedAt: '2026-11-22T16:05:00.000Z' },
      { date: '2026-11-23', version: 1, sha256: sha256(CSV), pdfSha256: sha256(`%PDF ${CSV}`), throughPosition: '9007199254740994', issuedAt: '2026-11-23T16:05:00.000Z' },
      { date: '2026-11-23', version: 2, sha256: sha256(`${CSV}late\r\n`), pdfSha256: sha256(`%PDF ${CSV}late\r\n`), throughPosition: '9007199254740995', issuedAt: '2026-11-24T02:00:00.000Z' },
    ]);
  });

  it('shows no other merchant’s statements, and none for an empty period', async () => {
    expect((await queryStatements(store, { merchantId: 'm-2', fromDate: '2026-11-01', toDate: '2026-12-01' })).map(({ date, version }) => [date, version])).toEqual([['2026-11-23', 1]]);
    expect(await queryStatements(store, { merchantId: 'm-1', fromDate: '2026-11-23', toDate: '2026-11-23' })).toEqual([]);
  });

  it('gives a day’s latest CSV, or the version asked for, exactly as issued: its bytes hash to the recorded sha256', async () => {
    const latest = await queryStatementFiles(store, { merchantId: 'm-1', date: '2026-11-23' });
    const first = await queryStatementFiles(store, { merchantId: 'm-1', date: '2026-11-23', version: 1 });

    expect(latest).toEqual({ version: 2, sha256: sha256(`${CSV}late\r\n`), csv: `${CSV}late\r\n`, pdfSha256: sha256(`%PDF ${CSV}late\r\n`), pdf: Buffer.from(`%PDF ${CSV}late\r\n`) });
    expect(first).toEqual({ version: 1, sha256: sha256(CSV), csv: CSV, pdfSha256: sha256(`%PDF ${CSV}`), pdf: Buffer.from(`%PDF ${CSV}`) });
    expect(sha256(first?.csv ?? '')).toBe(first?.sha256);
  });

  it('gives nothing for a day, a version or a merchant with no statement issued', async () => {
    expect(await queryStatementFiles(store, { merchantId: 'm-1', date: '2026-11-25' })).toBeUndefined();
    expect(await queryStatementFiles(store, { merchantId: 'm-1', date: '2026-11-23', version: 3 })).toBeUndefined();
    expect(await queryStatementFiles(store, { merchantId: 'm-3', date: '2026-11-23' })).toBeUndefined();
  });
});

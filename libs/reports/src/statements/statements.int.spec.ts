// The statements query and download on the reports app with real adapters: scoped to the token's merchant, every
// version listed, and a download that is the issued CSV byte for byte (it hashes to the recorded SHA-256).
import { createHash } from 'node:crypto';
import { statementStream, type StatementIssued } from '@posledger/domain';
import type { RecordedEvent } from '@posledger/event-store';
import type { ReadStore } from '@posledger/read-store';
import { VIEW_PROJECTIONS } from '@posledger/views';
import { READ_STORE } from '../reports.tokens';
import { startReportsAppOnDisk, type ReportsAppOnDisk } from '../test-support/reports-app-on-disk';

jest.setTimeout(60_000);

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Stands for a statement's PDF: bytes that are not text, so that any re-encoding would show. */
const pdfOf = (csv: string): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 0xff, 0xfe, 0x80]), Buffer.from(csv)]);
// A BOM, CRLF, quotes, a comma inside a field, CJK and an emoji: what a re-encoding or a newline fix would change.
const FIRST = '\uFEFFcurrency,section,method,count,amount_minor\r\nCNY,SALES,"WECHAT_PAY, 微信",2,12000\r\nCNY,OTHER,"""🧾""",,0\r\n';
const SECOND = `${FIRST}CNY,REFUNDS,DEBIT,1,-500\r\n`;

function issued(date: string, version: number, csv: string): StatementIssued {
  return { type: 'StatementIssued', data: { merchantId: 'm-statements', date, version, throughPosition: `${40 + version}`, sha256: sha256(csv), csv, pdfSha256: sha256(pdfOf(csv)), pdf: pdfOf(csv).toString('base64'), issuedAt: `${date}T16:05:0${version}.000Z` } };
}

const ISSUED = [issued('2026-11-23', 1, FIRST), issued('2026-11-23', 2, SECOND), issued('2026-11-24', 1, 'currency\r\n')];

let reports: ReportsAppOnDisk;
let merchant: string;
let other: string;
let auditor: string;

async function graphql(token: string, query: string) {
  const response = await reports.app.inject({
    method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: { query },
  });
  return response.json<{ data?: { statements: unknown[] } | null; errors?: { message: string; extensions: { code: string } }[] }>();
}

const downloaded = (token: string | undefined, query: string) =>
  reports.app.inject({ method: 'GET', url: `/v1/exports/statement?${query}`, headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  reports = await startReportsAppOnDisk('reports-statements', 1_000_000);
  merchant = await reports.credentials.issueToken({ role: 'merchant', merchantId: 'm-statements' });
  other = await reports.credentials.issueToken({ role: 'merchant', merchantId: 'm-other' });
  auditor = await reports.credentials.issueToken({ role: 'auditor', subject: 'audit-1' });
  const log: RecordedEvent[] = ISSUED.map((event, n) => ({
    id: `e-${n}`, streamId: statementStream('m-statements'), revision: BigInt(n), position: BigInt(n), type: event.type, data: { ...event.data }, metadata: {}, recordedAt: event.data.issuedAt,
  }));
  const projection = VIEW_PROJECTIONS.find(({ name }) => name === 'statements');
  await reports.app.get<symbol, ReadStore>(READ_STORE).insert('statements', projection?.project(log).statements ?? []);
});

afterAll(async () => {
  await reports?.close();
});

describe('statements', () => {
  it('answers every version of the token’s merchant’s statements for the days in the period, and no other merchant’s', async () => {
    expect(await graphql(merchant, '{ statements(from: "2026-11-23", to: "2026-11-24") { date version sha256 throughPosition issuedAt } }')).toEqual({
      data: {
        statements: [
          { date: '2026-11-23', version: 1, sha256: sha256(FIRST), throughPosition: '41', issuedAt: '2026-11-23T16:05:01.000Z' },
          { date: '2026-11-23', version: 2, sha256: sha256(SECOND), throughPosition: '42', issuedAt: '2026-11-23T16:05:02.000Z' },
        ],
      },
    });
    expect(await graphql(other, '{ statements(from: "2026-11-01", to: "2026-12-01") { date } }')).toEqual({ data: { statements: [] } });
    expect(await graphql(auditor, '{ statements(from: "2026-11-24", to: "2026-11-25", merchantId: "m-statements") { date version } }')).toEqual({
      data: { statements: [{ date: '2026-11-24', version: 1 }] },
    });
  });

  it('refuses an instant, a period backwards and another merchant, each with its code', async () => {
    const refusal = async (token: string, args: string) => (await graphql(token, `{ statements(${args}) { date } }`)).errors?.map(({ message, extensions }) => [extensions.code, message]);

    expect(await refusal(merchant, 'from: "2026-11-23T00:00:00Z", to: "2026-11-24"')).toEqual([
      ['REPORTS.INVALID_ARGUMENT', 'from must be a date alone (2026-11-23): the day a statement states, in the merchant\'s calendar; got "2026-11-23T00:00:00Z"'],
    ]);
    expect(await refusal(merchant, 'from: "2026-11-24", to: "2026-11-23"')).toEqual([['REPORTS.INVALID_ARGUMENT', 'from (2026-11-24) is after to (2026-11-23): from is inclusive, to exclusive']]);
    expect(await refusal(other, 'from: "2026-11-23", to: "2026-11-24", merchantId: "m-statements"')).toEqual([['REPORTS.NOT_AUTHORIZED', 'this token may not read merchant m-statements']]);
  });

  it('downloads the day’s latest statement as issued, byte for byte: its bytes hash to the recorded SHA-256', async () => {
    const response = await downloaded(merchant, 'date=2026-11-23');

    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="statement-m-statements-2026-11-23-v2.csv"',
      'x-statement-sha256': sha256(SECOND),
      'x-statement-version': '2',
    });
    expect(response.rawPayload.equals(Buffer.from(SECOND, 'utf8'))).toBe(true);
    expect(sha256(response.rawPayload)).toBe(ISSUED[1].data.sha256);
  });

  it('downloads the PDF as issued, byte for byte, with its own SHA-256', async () => {
    const response = await downloaded(merchant, 'date=2026-11-23&format=pdf');

    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="statement-m-statements-2026-11-23-v2.pdf"',
      'x-statement-sha256': ISSUED[1].data.pdfSha256,
    });
    expect(response.rawPayload.equals(pdfOf(SECOND))).toBe(true);
    expect((await downloaded(merchant, 'date=2026-11-23&format=xlsx')).statusCode).toBe(400);
  });

  it('downloads a version asked for, and an auditor’s download of the merchant it names', async () => {
    const first = await downloaded(merchant, 'date=2026-11-23&version=1');
    const audited = await downloaded(auditor, 'date=2026-11-23&version=1&merchantId=m-statements');

    for (const response of [first, audited]) {
      expect([response.statusCode, response.headers['x-statement-version'], response.headers['content-disposition']]).toEqual([200, '1', 'attachment; filename="statement-m-statements-2026-11-23-v1.csv"']);
      expect(sha256(response.rawPayload)).toBe(sha256(FIRST));
    }
  });

  it('answers 404 with a clear JSON error when no statement was issued for that day, or in that version, or for that merchant', async () => {
    const refusal = async (token: string, query: string) => {
      const response = await downloaded(token, query);
      return [response.statusCode, response.json()];
    };

    expect(await refusal(merchant, 'date=2026-11-25')).toEqual([404, { error: 'REPORTS.NOT_FOUND', message: 'no statement was issued for merchant m-statements on 2026-11-25' }]);
    expect(await refusal(merchant, 'date=2026-11-23&version=3')).toEqual([404, { error: 'REPORTS.NOT_FOUND', message: 'no statement was issued for merchant m-statements on 2026-11-23 in version 3' }]);
    expect(await refusal(other, 'date=2026-11-23')).toEqual([404, { error: 'REPORTS.NOT_FOUND', message: 'no statement was issued for merchant m-other on 2026-11-23' }]);
  });

  it('refuses a missing or malformed date or version as 400, and a token that may not read the merchant as 401/403', async () => {
    const status = async (token: string | undefined, query: string) => {
      const response = await downloaded(token, query);
      return [response.statusCode, response.json<{ error: string }>().error];
    };

    expect((await downloaded(merchant, 'version=1')).json()).toEqual({
      error: 'REPORTS.INVALID_ARGUMENT', message: 'date is required: a date alone (2026-11-23): the day a statement states, in the merchant\'s calendar',
    });
    expect((await downloaded(merchant, 'date=2026-11-23&version=0')).json()).toEqual({
      error: 'REPORTS.INVALID_ARGUMENT', message: 'version must be a statement\'s version, a whole number from 1; got "0"',
    });
    for (const query of ['date=2026-02-30', 'date=2026-11-23T00:00:00Z', 'date=2026-11-23&version=1.0', 'date=2026-11-23&version=-1', 'date=2026-11-23&version=9999999999', 'date=2026-11-23&date=2026-11-24']) {
      expect([query, ...(await status(merchant, query))]).toEqual([query, 400, 'REPORTS.INVALID_ARGUMENT']);
    }
    expect(await status(undefined, 'date=2026-11-23')).toEqual([401, 'REPORTS.NOT_AUTHENTICATED']);
    expect(await status(auditor, 'date=2026-11-23')).toEqual([403, 'REPORTS.NOT_AUTHORIZED']);
    expect(await status(other, 'date=2026-11-23&merchantId=m-statements')).toEqual([403, 'REPORTS.NOT_AUTHORIZED']);
  });
});

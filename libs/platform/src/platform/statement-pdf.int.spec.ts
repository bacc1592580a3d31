// A statement's PDF from fonts opened once per process: the same statement renders to the same bytes whatever was
// rendered between (one document's glyphs never reach another's embedded subset).
import { createHash } from 'node:crypto';
import { dailyStatement } from '@posledger/domain';
import { statementPdf } from './statement-pdf';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe("a statement's PDF", () => {
  const statement = dailyStatement('m-1', '2026-12-03', 'Asia/Shanghai', [], { throughPosition: 10n });
  const render = (merchantName: string) =>
    statementPdf(statement, { merchantName, timeZone: 'Asia/Shanghai', throughPosition: 10n, csvSha256: 'ab'.repeat(32), issuedAt: '2026-12-04T00:00:00.000Z' });

  it('is the same bytes for the same statement, before and after another merchant whose name needs other glyphs', async () => {
    const first = await render('测试店');
    const other = await render('北京烤鸭店 Peking Duck');
    const again = await render('测试店');
    expect(sha256(again)).toBe(sha256(first));
    expect(sha256(other)).not.toBe(sha256(first));
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

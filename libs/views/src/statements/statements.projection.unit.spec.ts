import type { StatementIssued } from '@posledger/domain';
import { rowsOf } from '../testing/counter-day';
import { statementRows } from './statements.projection';

const CSV = 'date,terminal_id,gross_minor\r\n2026-11-23,"t-1, 前台",12000\r\n';

const issued = (version: number, data: Partial<StatementIssued['data']> = {}): StatementIssued => ({
  type: 'StatementIssued',
  data: {
    merchantId: 'm-1', date: '2026-11-23', version, throughPosition: '12345678901234', sha256: 'ab'.repeat(32), csv: CSV, pdfSha256: 'ef'.repeat(32), pdf: 'JVBERi0=',
    issuedAt: '2026-11-23T16:05:00.000Z', ...data,
  },
});

describe('statements view', () => {
  it('given a day issued twice, then a row per version with its CSV as issued, every column set', () => {
    expect(rowsOf([issued(1), issued(2, { throughPosition: '12345678901300', sha256: 'cd'.repeat(32), csv: `${CSV}late,,1\r\n`, issuedAt: '2026-11-24T01:00:00+08:00' })], statementRows)).toEqual([
      {
        merchant_id: 'm-1', date: '2026-11-23', version: 1, through_position: '12345678901234', sha256: 'ab'.repeat(32), csv: CSV, pdf_sha256: 'ef'.repeat(32), pdf: 'JVBERi0=',
        issued_at: '2026-11-23 16:05:00.000', position: '0',
      },
      {
        merchant_id: 'm-1', date: '2026-11-23', version: 2, through_position: '12345678901300', sha256: 'cd'.repeat(32), csv: `${CSV}late,,1\r\n`, pdf_sha256: 'ef'.repeat(32), pdf: 'JVBERi0=',
        issued_at: '2026-11-23 17:00:00.000', position: '1',
      },
    ]);
  });
});

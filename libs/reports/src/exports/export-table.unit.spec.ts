import { Buffer } from 'node:buffer';
import ExcelJS from 'exceljs';
import { renderTable, xlsxStream } from './export-table';

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const table = {
  columns: ['occurred_at', 'terminal_id', 'count', 'amount_minor', 'net_minor'],
  rows: [
    { occurred_at: '2026-11-23T06:05:00.000Z', terminal_id: 't-1', count: 3, amount_minor: '123456', net_minor: '-250' },
    { occurred_at: '2026-11-24T06:05:00.000Z', terminal_id: '=HYPERLINK("x")', count: 0, amount_minor: '99999999999999999999', net_minor: '0' },
  ],
};

describe('report export tables', () => {
  it('writes an XLSX worksheet that a spreadsheet reads back: the header, then each row, amounts as numbers while exact', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its load() with an older Buffer than Node's.
    await workbook.xlsx.load((await bytesOf(xlsxStream('sales', table))) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('sales');
    const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(table.columns);
    expect(values(2)).toEqual(['2026-11-23T06:05:00.000Z', 't-1', 3, 123456, -250]);
    // Too large for a double: kept as text, not rounded. A formula-looking text stays text.
    expect(values(3)).toEqual(['2026-11-24T06:05:00.000Z', '=HYPERLINK("x")', 0, '99999999999999999999', 0]);
    expect(sheet?.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.rowCount).toBe(3);
  });

  it('renders CSV and JSON lines as text with the same columns', () => {
    expect(renderTable('csv', 'sales', table)).toBe(
      'occurred_at,terminal_id,count,amount_minor,net_minor\n2026-11-23T06:05:00.000Z,t-1,3,123456,-250\n2026-11-24T06:05:00.000Z,"=HYPERLINK(""x"")",0,99999999999999999999,0\n',
    );
    expect(String(renderTable('jsonl', 'sales', table)).split('\n')[0]).toBe('{"occurred_at":"2026-11-23T06:05:00.000Z","terminal_id":"t-1","count":3,"amount_minor":"123456","net_minor":"-250"}');
  });
});

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Font } from 'fontkit';
import { formatMoney, money, type DailyStatement, type StatementLine, type StatementSection } from '@posledger/domain';

/** Noto Sans SC (SIL Open Font License), its simplified Chinese subset, which holds Latin too: embedded, subset to the glyphs used. */
const FONTS = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
const REGULAR = join(FONTS, 'files/noto-sans-sc-chinese-simplified-400-normal.woff');
const BOLD = join(FONTS, 'files/noto-sans-sc-chinese-simplified-700-normal.woff');

// Opened once per process and handed to every document: fontkit inflates a WOFF's tables in JavaScript when first
// read, which, font by font per document, was half of a statement's rendering on the ledger's thread. fontkit and
// pdfkit are loaded at the first statement, not by every CLI command and thread that loads this library.
let fonts: Promise<{ regular: Font; bold: Font }> | undefined;
const openFonts = () =>
  (fonts ??= import('fontkit').then(({ create }) => ({ regular: create(readFileSync(REGULAR)) as Font, bold: create(readFileSync(BOLD)) as Font })));

const TITLES: Record<StatementSection, string> = {
  OPENING: '期初余额 Opening balance', CLOSING: '期末余额 Closing balance', SALES: '销售 Sales', TIPS: '小费 Tips', VOIDS: '撤销 Voids',
  REFUNDS: '退款 Refunds', OFFLINE_DECLINED: '离线交易被拒 Offline sales declined', DISPUTES: '拒付 Chargebacks lost', FEES: '手续费 Fees',
  PAYOUTS: '结算到账 Payouts', OTHER: '其他 Other', CASH: '现金（柜台自收）Cash kept at the counter',
};
const SECTIONS: readonly StatementSection[] = ['SALES', 'TIPS', 'VOIDS', 'REFUNDS', 'OFFLINE_DECLINED', 'DISPUTES', 'FEES', 'PAYOUTS', 'OTHER', 'CASH'];
const COLUMNS = [50, 150, 330, 400];

export interface StatementPdfHeader {
  readonly merchantName: string;
  readonly timeZone: string;
  readonly throughPosition: bigint;
  readonly csvSha256: string;
  /** The PDF's creation date: the issue time, so that the same statement renders to the same bytes. */
  readonly issuedAt: string;
}

const amount = (line: StatementLine): string => formatMoney(money(line.amountMinor, line.currency));

function row(doc: PDFKit.PDFDocument, cells: readonly string[], bold = false): void {
  const y = doc.y;
  doc.font(bold ? 'bold' : 'regular').fontSize(10);
  cells.forEach((cell, i) => doc.text(cell, COLUMNS[i], y, { width: (COLUMNS[i + 1] ?? 545) - COLUMNS[i] - 8, align: i >= 2 ? 'right' : 'left', lineBreak: false }));
  doc.y = y + 16;
}

function heading(doc: PDFKit.PDFDocument, statement: DailyStatement, header: StatementPdfHeader, title: string): void {
  doc.font('bold').fontSize(16).text(title, 50, 50);
  doc.font('regular').fontSize(9).fillColor('#555')
    .text(`${header.merchantName} (${statement.merchantId}) · 日结单 Daily statement ${statement.date} · ${header.timeZone}`)
    .fillColor('black');
  doc.moveDown(1.2);
}

/**
 * The statement as a PDF a person would print: a summary page (opening and closing balance and each section's total
 * per currency), then one page per section with its lines by payment method; the CSV's SHA-256 and the store position
 * at the foot of the summary. Rendered from the same lines as the CSV.
 */
export async function statementPdf(statement: DailyStatement, header: StatementPdfHeader): Promise<Buffer> {
  const [{ default: PDFDocument }, { regular, bold }] = await Promise.all([import('pdfkit'), openFonts()]);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `日结单 ${statement.merchantId} ${statement.date}`, Producer: 'posledger', Creator: 'posledger', CreationDate: new Date(header.issuedAt) } });
  // pdfkit takes an opened fontkit font as well as a file (its typings list only the latter).
  doc.registerFont('regular', regular as unknown as string);
  doc.registerFont('bold', bold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  heading(doc, statement, header, '日结单 Daily statement');
  doc.font('regular').fontSize(10).text(`期间 Period: ${statement.from} — ${statement.to} (recorded time)`);
  doc.moveDown();
  row(doc, ['币种 Currency', '项目 Item', '笔数 Count', '金额 Amount'], true);
  const currencies = [...new Set(statement.lines.map((line) => line.currency))];
  for (const currency of currencies) {
    const lines = statement.lines.filter((line) => line.currency === currency);
    for (const section of ['OPENING', ...SECTIONS.filter((s) => s !== 'CASH'), 'CLOSING', 'CASH'] as StatementSection[]) {
      const of = lines.filter((line) => line.section === section);
      if (of.length === 0) continue;
      const total = of.reduce((sum, line) => sum + line.amountMinor, 0n);
      const count = of.reduce((sum, line) => sum + (line.count === '' ? 0 : line.count), 0);
      row(doc, [currency, TITLES[section], of[0].count === '' ? '' : String(count), formatMoney(money(total, currency))], section === 'OPENING' || section === 'CLOSING');
    }
    doc.moveDown(0.5);
  }
  doc.moveDown();
  doc.font('regular').fontSize(8).fillColor('#555')
    .text(`CSV SHA-256: ${header.csvSha256}`, 50)
    .text(`Computed from the event store through position ${header.throughPosition}; issued ${header.issuedAt}. posledger statement verify checks a copy.`)
    .fillColor('black');

  for (const section of SECTIONS) {
    const lines = statement.lines.filter((line) => line.section === section);
    if (lines.length === 0) continue;
    doc.addPage();
    heading(doc, statement, header, TITLES[section]);
    row(doc, ['币种 Currency', '方式 Method', '笔数 Count', '金额 Amount'], true);
    for (const line of lines) row(doc, [line.currency, line.method, String(line.count), amount(line)]);
    for (const currency of new Set(lines.map((line) => line.currency))) {
      const total = lines.filter((line) => line.currency === currency).reduce((sum, line) => sum + line.amountMinor, 0n);
      row(doc, [currency, '合计 Total', '', formatMoney(money(total, currency))], true);
    }
  }
  doc.end();
  return done;
}

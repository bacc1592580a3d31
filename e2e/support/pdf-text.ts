import { spawnSync } from 'node:child_process';

// pdf.js loads its worker with a dynamic import, which Jest's module sandbox refuses: the text is read in a plain node.
const READ_PAGES = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk)).on('end', async () => {
  const { pages } = await new PDFParse({ data: Buffer.concat(chunks) }).getText();
  process.stdout.write(JSON.stringify(pages.map((page) => page.text)));
});`;

/** The text of each page of a PDF, as pdf.js (Mozilla's reader, through pdf-parse) extracts it. */
export function pdfPages(pdf: Buffer): string[] {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['-e', READ_PAGES], { input: pdf, encoding: 'utf8', cwd: process.cwd() });
  if (status !== 0) throw new Error(`pdf-parse failed: ${stderr}`);
  return JSON.parse(stdout) as string[];
}

import { BillRefusedError } from './bill-refused.error';

/** One line of a bill file, numbered from 1 as the sender's support desk would count it. */
export interface TextLine {
  readonly number: number;
  readonly text: string;
}

const BOM = [0xef, 0xbb, 0xbf];

function withoutBom(bytes: Uint8Array): Uint8Array {
  return BOM.every((byte, i) => bytes[i] === byte) ? bytes.subarray(BOM.length) : bytes;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The file's text: UTF-8 (a BOM is dropped), else GB18030, which reads every GBK file the wallets export. */
export function decodeBillText(bytes: Uint8Array): string {
  const content = withoutBom(bytes);
  const text = tryDecode('utf-8', content) ?? tryDecode('gb18030', content);
  if (text === undefined) throw new BillRefusedError('MALFORMED', 'neither UTF-8 nor GBK', 1);
  return text;
}

/** The lines of the text, CRLF or LF, without the empty lines at its end. */
export function splitBillLines(text: string): TextLine[] {
  const lines = text.split(/\r?\n/).map((line, i) => ({ number: i + 1, text: line }));
  while (lines.length > 0 && lines[lines.length - 1].text.trim() === '') lines.pop();
  return lines;
}

export function billLines(bytes: Uint8Array): TextLine[] {
  return splitBillLines(decodeBillText(bytes));
}

/** The fields of a CSV line; a field in double quotes may hold commas, and `""` for a quote (padding after it is dropped). */
export function splitCsvLine(line: TextLine): string[] {
  const fields: string[] = [];
  const text = line.text;
  let at = 0;
  for (;;) {
    let field = '';
    if (text[at] === '"') {
      at += 1;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new BillRefusedError('MALFORMED', 'expected a closing double quote', line.number);
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        field += '"';
        at += 1;
      }
      while (text[at] === ' ' || text[at] === '\t') at += 1;
      if (at < text.length && text[at] !== ',') {
        throw new BillRefusedError('MALFORMED', 'expected a comma after a closing double quote', line.number);
      }
    } else {
      const comma = text.indexOf(',', at);
      const end = comma < 0 ? text.length : comma;
      field = text.slice(at, end);
      if (field.includes('"')) throw new BillRefusedError('MALFORMED', 'expected a double quote only around a field', line.number);
      at = end;
    }
    fields.push(field);
    if (at >= text.length) return fields;
    at += 1;
  }
}

import { decimalToMinor, minorToDecimal } from '../decimal-amount';

// Test-only: edits of a rendered bill's text, to make it wrong in one place. Lines are numbered from 1.

function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function editLine(text: string, lineNumber: number, edit: (line: string) => string): string {
  const lines = text.split(lineBreak(text));
  lines[lineNumber - 1] = edit(lines[lineNumber - 1]);
  return lines.join(lineBreak(text));
}

export function removeLine(text: string, lineNumber: number): string {
  return text.split(lineBreak(text)).filter((_, i) => i !== lineNumber - 1).join(lineBreak(text));
}

export function insertLine(text: string, lineNumber: number, line: string): string {
  const lines = text.split(lineBreak(text));
  lines.splice(lineNumber - 1, 0, line);
  return lines.join(lineBreak(text));
}

/** Replaces field `column` (from 0) of a line without quoted fields. */
export function editField(text: string, lineNumber: number, column: number, value: string): string {
  return editLine(text, lineNumber, (line) => line.split(',').map((field, i) => (i === column ? value : field)).join(','));
}

/** Adds `delta` (in the last written digit) to the `index`-th number written on the line: a count, or an amount in its written decimals. */
export function bumpFigure(text: string, lineNumber: number, index: number, delta: bigint): string {
  let seen = -1;
  return editLine(text, lineNumber, (line) =>
    line.replace(/-?\d+(?:\.\d+)?/g, (figure) => {
      seen += 1;
      if (seen !== index) return figure;
      const decimals = figure.split('.')[1]?.length ?? 0;
      return minorToDecimal((decimalToMinor(figure, decimals) ?? 0n) + delta, decimals);
    }),
  );
}

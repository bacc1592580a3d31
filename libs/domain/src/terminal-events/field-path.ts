/** `['payload', 'totals', 0, 'amountMinor']` -> `payload.totals[0].amountMinor`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`),
    '',
  );
}

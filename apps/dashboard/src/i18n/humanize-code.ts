/** A code the dashboard has no word for yet, as words: APPLE_PAY -> "Apple Pay", card.tapped -> "Card tapped". */
export function humanizeCode(code: string): string {
  const words = code.split(/[_.\s-]+/).filter(Boolean).map((word) => word.toLowerCase());
  if (words.length === 0) return code;
  const titleCase = /^[A-Z0-9_]+$/.test(code);
  return words.map((word, i) => (titleCase || i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word)).join(' ');
}

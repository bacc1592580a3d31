/** Every 13-19 digit run in a text that passes the Luhn check (a full card number). */
export function luhnValidRuns(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<!\d)\d{13,19}(?!\d)/g)) {
    const digits = match[0];
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) found.push(digits);
  }
  return found;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Exact minor units of an amount written in major units ("12.34", "-0.06", "0.6" with exponent 2: 1234n, -6n,
 * 60n); undefined for anything but a plain decimal, or one with more decimals than the exponent.
 */
export function decimalToMinor(text: string, exponent: number): bigint | undefined {
  const m = DECIMAL.exec(text);
  if (m === null) return undefined;
  const [, sign, whole, fraction = ''] = m;
  if (fraction.length > exponent) return undefined;
  const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
  return sign === '-' ? -minor : minor;
}

/** The amount in major units with exactly `exponent` decimals: 1234n, 2 -> "12.34"; -6n -> "-0.06". */
export function minorToDecimal(minor: bigint, exponent: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

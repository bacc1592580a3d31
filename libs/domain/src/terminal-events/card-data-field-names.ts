/** Field names that announce sensitive card data (track data, CVV/CVC, PIN block, a raw card number). */
const SENSITIVE_FIELD = /track|cvv|cvc|pin[_-]?block|card[_-]?number|^pan$|full[_-]?pan|^primaryAccountNumber$/i;

export function isCardDataFieldName(name: string): boolean {
  return SENSITIVE_FIELD.test(name);
}

const SHOWN_CHARACTERS = 40;

/**
 * A client's value as error messages and log lines show it: JSON-quoted (so CR, LF and NUL cannot forge a line)
 * and cut to a few characters (so a 5,000-character argument is not echoed back).
 */
export function quotedValue(value: string): string {
  return value.length > SHOWN_CHARACTERS ? `${JSON.stringify(value.slice(0, SHOWN_CHARACTERS))}... (${value.length} characters)` : JSON.stringify(value);
}

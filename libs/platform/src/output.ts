// Also an entry of its own (@posledger/platform/output): a command that prints, and needs no other module of the
// platform library, loads none of them (the index loads every command's).
/** Data goes to stdout as one JSON document; progress and logs go to stderr. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

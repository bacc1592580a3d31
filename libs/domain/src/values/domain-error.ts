/** Base of every domain error: a stable `code` that callers map to a status at the edge. */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

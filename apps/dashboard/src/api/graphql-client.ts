/** A request the API refused or could not answer; `code` is the API's (REPORTS.*), when it gave one. */
export class ReportError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The token was refused (none, unknown, revoked), or may not read the merchant: the session is over. */
export class TokenRefusedError extends ReportError {}

const SESSION_CODES = new Set(['REPORTS.NOT_AUTHENTICATED', 'REPORTS.NOT_AUTHORIZED']);

interface GraphQLAnswer<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/** One POST to /graphql with the token; an answer with any error is refused as a whole (no partial figures). */
export async function graphql<T>(token: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const answer = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }))) as GraphQLAnswer<T>;
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    throw code && SESSION_CODES.has(code) ? new TokenRefusedError(error.message, code) : new ReportError(error.message, code);
  }
  if (!answer.data) throw new ReportError(`HTTP ${response.status}`);
  return answer.data;
}

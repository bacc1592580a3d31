import type { SignedRequest } from './http-load';

/** POSTs one pre-signed request to the ingest endpoint (`.../v1/terminal-events`) from this thread; returns the status. */
export async function postSigned(endpoint: string, request: SignedRequest): Promise<number> {
  const response = await fetch(endpoint, { method: 'POST', headers: request.headers, body: request.body });
  await response.arrayBuffer();
  return response.status;
}

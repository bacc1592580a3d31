import { ReportError, TokenRefusedError } from './graphql-client';

/**
 * The exports the dashboard offers, each the server's own file of a view (GET /v1/exports/<name>); `statement` is a
 * daily statement's file byte for byte as issued.
 */
export type ExportName = 'sales' | 'transactions' | 'settlement-batches' | 'ledger' | 'payouts' | 'statement' | 'reconciliation';

/**
 * Asks the server for the export (the token goes in the Authorization header, never in a URL) and saves the file
 * it sends under the name it gives.
 */
export async function downloadExport(token: string, name: ExportName, parameters: Record<string, string>): Promise<void> {
  const response = await fetch(`/v1/exports/${name}?${new URLSearchParams(parameters)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
    const message = refusal.message ?? `HTTP ${response.status}`;
    throw response.status === 401 || response.status === 403 ? new TokenRefusedError(message, refusal.error) : new ReportError(message, refusal.error);
  }
  const file = await response.blob();
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${name}.${parameters.format ?? 'csv'}`;
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

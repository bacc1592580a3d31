import { decisionOutcome, uploadOutcome, type BillSource, type Decision, type DecisionOutcome, type Refusal, type UploadOutcome } from './back-office-answers';
import { TokenRefusedError } from './graphql-client';

export interface BillUpload {
  readonly source: BillSource;
  /** The bill's business day: WeChat Pay's bill names none; a file stating another day is refused. */
  readonly date: string;
  readonly file: Blob;
  readonly fileName: string;
  /** Who imports it; the API records "merchant API token" when nobody is named. */
  readonly importedBy?: string;
}

export interface DecisionInput {
  readonly discrepancyId: string;
  readonly decision: Decision;
  readonly note: string;
  readonly decidedBy: string;
}

/** A POST with the merchant's token; 401 ends the session (TokenRefusedError), no answer at all is a refusal of status 0. */
async function post(token: string, path: string, contentType: string, body: BodyInit): Promise<{ status: number; body: unknown } | Refusal> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });
  } catch (error) {
    return { kind: 'refused', status: 0, message: error instanceof Error ? error.message : String(error) };
  }
  const answer: unknown = await response.json().catch(() => ({}));
  if (response.status === 401) {
    const { error, message } = answer as { error?: string; message?: string };
    throw new TokenRefusedError(message ?? 'HTTP 401', error);
  }
  return { status: response.status, body: answer };
}

/** POST /v1/bills: the file's bytes as they are, its source, day, name and who imports it in the query. */
export async function uploadBill(token: string, upload: BillUpload): Promise<UploadOutcome> {
  const query = new URLSearchParams({ source: upload.source, date: upload.date, fileName: upload.fileName, ...(upload.importedBy ? { importedBy: upload.importedBy } : {}) });
  const answer = await post(token, `/v1/bills?${query}`, 'application/octet-stream', upload.file);
  return 'kind' in answer ? answer : uploadOutcome(answer.status, answer.body);
}

/** POST /v1/reconciliation/decisions. */
export async function decideDiscrepancy(token: string, decision: DecisionInput): Promise<DecisionOutcome> {
  const answer = await post(token, '/v1/reconciliation/decisions', 'application/json', JSON.stringify(decision));
  return 'kind' in answer ? answer : decisionOutcome(answer.status, answer.body);
}

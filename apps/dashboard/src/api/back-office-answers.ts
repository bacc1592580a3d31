// What the back office's writes (POST /v1/bills, POST /v1/reconciliation/decisions) answered, in the dashboard's terms.

/** Who sent a bill: WeChat Pay's or Alipay's daily trade bill, the acquirer's settlement file, or the bank's payout confirmation. */
export const BILL_SOURCES = ['wechat-pay', 'alipay', 'acquirer', 'bank'] as const;
export type BillSource = (typeof BILL_SOURCES)[number];

/** The decisions a person may take on a discrepancy: ACCEPT_BILL and WRITE_OFF are final, INVESTIGATE is not. */
export const DECISIONS = ['ACCEPT_BILL', 'WRITE_OFF', 'INVESTIGATE'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What an import recorded (or had recorded for the same bytes): its day, hash, lines and what matching found. */
export interface BillImportAnswer {
  readonly imported: boolean;
  readonly source: string;
  readonly date: string;
  readonly sha256: string;
  readonly lines: number;
  readonly matched: number;
  readonly discrepancies: readonly { readonly discrepancyId: string; readonly kind: string }[];
  readonly threeWay: readonly unknown[];
}

/** A decision as recorded, with who and when. */
export interface DecisionAnswer {
  readonly discrepancyId: string;
  readonly decision: string;
  readonly note: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** The API would not do it: its status (0: no answer), code (BILL.MALFORMED...), words, and a malformed file's line. */
export interface Refusal {
  readonly kind: 'refused';
  readonly status: number;
  readonly code?: string;
  readonly message: string;
  readonly line?: number;
}

export type UploadOutcome = { readonly kind: 'imported' | 'unchanged'; readonly answer: BillImportAnswer } | Refusal;

export type DecisionOutcome = { readonly kind: 'decided'; readonly answer: DecisionAnswer } | Refusal;

const record = (body: unknown): Record<string, unknown> => (typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {});

/** A refusal's code, words and line as the API sent them (`{ error, message, line }`), or its HTTP status alone. */
export function refusalOf(status: number, body: unknown): Refusal {
  const { error, message, line } = record(body);
  return {
    kind: 'refused',
    status,
    ...(typeof error === 'string' ? { code: error } : {}),
    message: typeof message === 'string' && message !== '' ? message : `HTTP ${status}`,
    ...(typeof line === 'number' && Number.isInteger(line) && line > 0 ? { line } : {}),
  };
}

/** 201: imported; 200: the same bytes were imported before, nothing changed; anything else refused. */
export function uploadOutcome(status: number, body: unknown): UploadOutcome {
  const answer = record(body);
  if ((status === 201 || status === 200) && typeof answer.sha256 === 'string' && Array.isArray(answer.discrepancies)) {
    return { kind: status === 201 && answer.imported === true ? 'imported' : 'unchanged', answer: answer as unknown as BillImportAnswer };
  }
  return refusalOf(status, body);
}

/** 201: the decision recorded; anything else refused (409: decided finally before; 404: no such discrepancy). */
export function decisionOutcome(status: number, body: unknown): DecisionOutcome {
  const answer = record(body);
  if (status === 201 && typeof answer.discrepancyId === 'string' && typeof answer.decidedAt === 'string') return { kind: 'decided', answer: answer as unknown as DecisionAnswer };
  return refusalOf(status, body);
}

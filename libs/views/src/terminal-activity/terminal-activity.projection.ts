import type { LedgerEvent, RegistryEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded, ViewRow } from '../view-row';

export type TerminalActivityRow = {
  merchant_id: string;
  terminal_id: string;
  kind: 'PROVISIONED' | 'EVENT' | 'HEARTBEAT' | 'OPERATOR';
  recorded_at: string;
  app_version: string;
  network: string;
  /** -1: not reported. */
  signal: number;
  /** 1 low, 0 not low, -1 not reported. */
  paper_low: number;
  /** On the OPERATOR row: who is signed in ('' for nobody). */
  operator_id: string;
  position: string;
};

/** A contact row with nothing reported (built whole: spreading shared parts cost most of this projection's time). */
function contactRow(merchantId: string, terminalId: string, kind: TerminalActivityRow['kind'], recorded: Recorded): TerminalActivityRow {
  return {
    merchant_id: merchantId, terminal_id: terminalId, kind, recorded_at: toClickHouseDateTime(recorded.recordedAt),
    app_version: '', network: '', signal: -1, paper_low: -1, operator_id: '', position: recorded.position.toString(),
  };
}

/** The operator signed in at the terminal after the event, when the event changes it. */
function signedInAfter(event: LedgerEvent): string | undefined {
  switch (event.type) {
    case 'OperatorSignedIn':
      return event.data.operatorId;
    case 'OperatorSignedOut':
      return '';
    case 'TerminalEventRejected':
      return event.data.code === 'UNKNOWN_OPERATOR' || event.data.code === 'OPERATOR_DISABLED' ? '' : undefined;
    default:
      return undefined;
  }
}

/** What terminal_activity keeps one row of (its sorting key): the latest of each kind of contact per terminal. */
export const terminalActivityKey = (row: ViewRow): string => `${row.merchant_id}\u0000${row.terminal_id}\u0000${row.kind}`;

/** Every event a terminal sent that the ledger recorded is a contact; a heartbeat also says what the terminal runs on. */
export function terminalActivityRows(event: LedgerEvent, recorded: Recorded): TerminalActivityRow[] {
  const { merchantId, terminalId } = event.data;
  const operator = signedInAfter(event);
  if (operator !== undefined) return [{ ...contactRow(merchantId, terminalId, 'OPERATOR', recorded), operator_id: operator }];
  if (event.type !== 'TerminalEventRecorded') return [];
  const contact = contactRow(merchantId, terminalId, 'EVENT', recorded);
  const sent = event.data.event;
  if (sent.type !== 'terminal.heartbeat') return [contact];
  const { appVersion, network, signal, paperLow } = sent.payload;
  return [contact, { ...contact, kind: 'HEARTBEAT', app_version: appVersion, network, signal: signal ?? -1, paper_low: paperLow === undefined ? -1 : Number(paperLow) }];
}

/** A provisioned terminal is listed before it ever sends anything. */
export function provisionedTerminalRows(event: RegistryEvent, recorded: Recorded): TerminalActivityRow[] {
  if (event.type !== 'TerminalProvisioned') return [];
  return [contactRow(event.data.merchantId, event.data.terminalId, 'PROVISIONED', recorded)];
}

import type { StatementEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

export type StatementRow = {
  merchant_id: string;
  date: string;
  version: number;
  through_position: string;
  sha256: string;
  csv: string;
  pdf_sha256: string;
  pdf: string;
  issued_at: string;
  position: string;
};

/** A statement issued, as one row. */
export function statementRows(event: StatementEvent, recorded: Recorded): StatementRow[] {
  const { merchantId, date, version, throughPosition, sha256, csv, pdfSha256, pdf, issuedAt } = event.data;
  return [{
    merchant_id: merchantId,
    date,
    version,
    through_position: throughPosition,
    sha256,
    csv,
    pdf_sha256: pdfSha256,
    pdf,
    issued_at: toClickHouseDateTime(issuedAt),
    position: recorded.position.toString(),
  }];
}

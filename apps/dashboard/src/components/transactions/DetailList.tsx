import type { Detail } from '../../figures/sale-history';
import { useFormat } from '../../format/use-format';
import { entryModeLabel, methodLabel, pinResultLabel, receiptChannelLabel, receiptCopyLabel, rejectionLabel, schemeLabel } from '../../i18n/enum-labels';
import type { MessageId } from '../../i18n/messages.en';
import { useT, type Translate } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

const LABEL: Record<Detail['label'], MessageId> = {
  amount: 'detail.amount',
  fee: 'detail.fee',
  tip: 'detail.tip',
  tendered: 'detail.tendered',
  change: 'detail.change',
  method: 'detail.method',
  scheme: 'detail.scheme',
  entryMode: 'detail.entryMode',
  pinResult: 'detail.pinResult',
  receiptCopy: 'detail.receiptCopy',
  channel: 'detail.channel',
  rejection: 'detail.rejection',
  maskedPan: 'detail.maskedPan',
  authCode: 'detail.authCode',
  hostReference: 'detail.hostReference',
  responseCode: 'detail.responseCode',
  reason: 'detail.reason',
  walletReference: 'detail.walletReference',
  refundId: 'detail.refundId',
  saleId: 'detail.saleId',
  batchNumber: 'detail.batchNumber',
  operatorId: 'detail.operatorId',
};

const ENUM_WORDS: Record<Extract<Detail, { kind: 'enum' }>['label'], (t: Translate, code: string) => string> = {
  method: methodLabel,
  scheme: schemeLabel,
  entryMode: entryModeLabel,
  pinResult: pinResultLabel,
  receiptCopy: receiptCopyLabel,
  channel: receiptChannelLabel,
  rejection: rejectionLabel,
};

/** The facts of one event of a sale's history, in words. */
export function DetailList({ details, exponent }: { readonly details: readonly Detail[]; readonly exponent: number }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  if (details.length === 0) return null;
  const value = (detail: Detail) => {
    if (detail.kind === 'amount') return format.money({ currency: detail.currency, minor: detail.minor, exponent });
    if (detail.kind === 'enum') return ENUM_WORDS[detail.label](t, detail.code);
    return detail.value;
  };
  return (
    <dl className="details">
      {details.map((detail) => (
        <div key={`${detail.label} ${detail.kind}`}>
          <dt>{t(LABEL[detail.label])}</dt>
          <dd>{value(detail)}</dd>
        </div>
      ))}
    </dl>
  );
}

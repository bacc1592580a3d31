import { parseAcquirerBill } from './acquirer-bill';
import { parseAlipayBill } from './alipay-bill';
import { Bill, BillSource } from './bill';
import { BillRefusedError } from './bill-refused.error';
import { parseBankConfirmation } from './bank-confirmation';
import { parseWechatPayBill } from './wechat-pay-bill';

/** The bill a sender's file states, or BillRefusedError naming the first line that is not as its layout says. */
export function parseBill(source: BillSource, bytes: Uint8Array): Bill {
  switch (source) {
    case 'wechat-pay':
      return parseWechatPayBill(bytes);
    case 'alipay':
      return parseAlipayBill(bytes);
    case 'acquirer':
      return parseAcquirerBill(bytes);
    case 'bank':
      return parseBankConfirmation(bytes);
    default:
      throw new BillRefusedError('UNKNOWN_SOURCE', `expected a bill source of wechat-pay, alipay, acquirer or bank, got "${String(source satisfies never)}"`);
  }
}

import { parseAcquirerBill } from './acquirer-bill';
import { parseAlipayBill } from './alipay-bill';
import { Bill, BillSource } from './bill';
import { BillRefusedError } from './bill-refused.error';
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
    default:
      throw new BillRefusedError('UNKNOWN_SOURCE', `expected a bill source of wechat-pay, alipay or acquirer, got "${String(source satisfies never)}"`);
  }
}

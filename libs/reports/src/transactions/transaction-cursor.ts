import type { TransactionCursor } from '@posledger/views';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';

export const encodeCursor = (cursor: TransactionCursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeCursor(text: string): TransactionCursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<TransactionCursor>;
    const { occurredAt, terminalId, transactionId } = parsed;
    if (typeof occurredAt === 'string' && typeof terminalId === 'string' && typeof transactionId === 'string') return { occurredAt, terminalId, transactionId };
  } catch {
    // falls through to the error below
  }
  throw new InvalidArgumentError('after is not a cursor this API returned');
}

import { formatMoney, money } from '@posledger/domain';
import type { TerminalFigures } from './terminal-figures';

interface Bucket {
  key: string;
  count: number;
  gross: { minor: string };
  tips: { minor: string };
  voids: { minor: string };
  refunds: { minor: string };
  offlineDeclined: { minor: string };
}

/** Asks the GraphQL API, as each merchant, for sales by terminal and compares them with the simulator's books. */
export async function compareWithReports(reportsUrl: string, tokens: Record<string, string>, books: TerminalFigures): Promise<{ matched: boolean; text: string }> {
  const buckets = new Map<string, Bucket>();
  for (const token of Object.values(tokens)) {
    const response = await fetch(`${reportsUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: '{ salesSummary(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: TERMINAL) { key count gross { minor } tips { minor } voids { minor } refunds { minor } offlineDeclined { minor } } }',
      }),
    });
    const body = (await response.json()) as { data?: { salesSummary: Bucket[] }; errors?: { message: string }[] };
    if (!body.data) return { matched: false, text: `GraphQL error: ${body.errors?.map((e) => e.message).join('; ')}` };
    for (const bucket of body.data.salesSummary) buckets.set(bucket.key, bucket);
  }
  const differing: string[] = [];
  for (const [terminalId, mine] of books.entries()) {
    const theirs = buckets.get(terminalId);
    const same =
      (theirs?.count ?? 0) === mine.count &&
      BigInt(theirs?.gross.minor ?? 0) === mine.gross &&
      BigInt(theirs?.tips.minor ?? 0) === mine.tips &&
      BigInt(theirs?.voids.minor ?? 0) === mine.voids &&
      BigInt(theirs?.refunds.minor ?? 0) === mine.refunds &&
      BigInt(theirs?.offlineDeclined.minor ?? 0) === mine.offlineDeclined;
    if (!same) differing.push(terminalId);
  }
  const gross = [...books.grossByCurrency()].map(([currency, minor]) => formatMoney(money(minor, currency))).join(', ');
  return differing.length === 0
    ? { matched: true, text: `GraphQL salesSummary equals the simulator's books to the cent (${books.entries().length} terminals, gross ${gross})` }
    : { matched: false, text: `GraphQL differs from the simulator's books for ${differing.join(', ')}` };
}

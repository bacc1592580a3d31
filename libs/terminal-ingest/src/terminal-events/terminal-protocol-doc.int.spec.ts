// docs/terminal-protocol.md cannot drift: its batches pass ingest's validation and go through the real terminal
// ledger in order as one terminal's day, each producing the ledger events its `ledger` block lists; every event
// type and payload field is documented; every error code it names is one ingest answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decideAndEvolve, DEFAULT_FEE_SCHEDULE, DEFAULT_SEQUENCE_POLICY, EXAMPLE_PAYLOADS, initialState, parseTerminalEventBatch, TERMINAL_EVENT_TYPES,
  type LedgerEvent, type TerminalLedgerState,
} from '@posledger/domain';
import { answerTo } from './ingest-error-answer';
import { BatchNotTakenError, InvalidBatchError, RateLimitedError, UnauthenticatedTerminalError } from './ingest.errors';

const DOC = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'terminal-protocol.md'), 'utf8');

interface Example {
  readonly body: unknown;
  readonly ledger: string;
}

/** Each ```json block with its following ```text ledger block, in document order. */
function examples(): Example[] {
  const blocks = [...DOC.matchAll(/```(json|text ledger)\n([\s\S]*?)```/g)].map(([, kind, text]) => ({ kind, text: text.trim() }));
  const found: Example[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'json') return;
    const next = blocks[i + 1];
    if (next?.kind !== 'text ledger') throw new Error(`the example batch ${found.length + 1} has no ledger block after it`);
    found.push({ body: JSON.parse(block.text), ledger: next.text });
  });
  return found;
}

/** `SaleDetailsCaptured x4, SaleApproved` -> the types in order (`none`: nothing); a batch close shows its status, a rejection its code. */
function expand(ledger: string): string[] {
  if (ledger === 'none') return [];
  return ledger.split(', ').flatMap((item) => {
    const [type, times] = item.split(' x');
    return Array.from({ length: times ? Number(times) : 1 }, () => type);
  });
}

/** The document's merchant allows offline sales up to 300.00, and completions 15% above their holds, which last 30 days. */
const DOC_OFFLINE_LIMIT_MINOR = '30000';
const DOC_PRE_AUTHORIZATION = { tolerancePercent: 15, expiryDays: 30 };

/** The operators of the document's merchant: `op-7` signs in; anyone else is refused. */
const DOC_OPERATORS = { 'op-7': { operatorId: 'op-7', name: '收银员一', role: 'CASHIER' as const, active: true } };

function described(event: LedgerEvent): string {
  if (event.type === 'BatchClosed') return `BatchClosed(${event.data.status})`;
  if (event.type === 'TerminalEventRejected') return `TerminalEventRejected(${event.data.code})`;
  return event.type;
}

describe('docs/terminal-protocol.md', () => {
  it('runs every example batch, in order, through validation and the terminal ledger, with the ledger events it documents', () => {
    const all = examples();
    expect(all.length).toBeGreaterThanOrEqual(11);
    let state: TerminalLedgerState | undefined;
    for (const [n, { body, ledger }] of all.entries()) {
      const parsed = parseTerminalEventBatch(body);
      if (!parsed.ok) throw new Error(`example ${n + 1} is refused: ${JSON.stringify(parsed.errors)}`);
      state ??= initialState(parsed.events[0].terminalId);
      const recorded: string[] = [];
      for (const event of parsed.events) {
        const data = { event, panMasked: false, merchantId: 'm-doc', feeSchedule: DEFAULT_FEE_SCHEDULE, operators: DOC_OPERATORS, offlineUpToMinor: DOC_OFFLINE_LIMIT_MINOR, preAuthorization: DOC_PRE_AUTHORIZATION, receivedAt: new Date(event.occurredAt).toISOString(), policy: DEFAULT_SEQUENCE_POLICY };
        const decision = decideAndEvolve({ type: 'RecordTerminalEvent', data }, state);
        state = decision.state;
        recorded.push(...decision.events.filter((e) => e.type !== 'TerminalEventRecorded').map(described));
      }
      expect({ example: n + 1, ledger: recorded }).toEqual({ example: n + 1, ledger: expand(ledger) });
    }
  });

  it.each(TERMINAL_EVENT_TYPES.map((type) => [type]))('documents %s with each of its payload fields', (type) => {
    const row = DOC.split('\n').find((line) => line.startsWith(`| \`${type}\` |`));
    expect(row).toBeDefined();
    for (const field of Object.keys(EXAMPLE_PAYLOADS[type])) expect(row).toContain(`\`${field}\``);
  });

  it('names only error codes ingest answers, and all of them', () => {
    const named = new Set([...DOC.matchAll(/`(INGEST\.[A-Z_]+)`/g)].map(([, code]) => code));
    const answered = new Set([
      ...[new InvalidBatchError([]), new UnauthenticatedTerminalError(''), new RateLimitedError('', 1), new BatchNotTakenError(''), new Error('fault')].map((e) => answerTo(e).body.error),
      ...[404, 413, 415, 400].map((statusCode) => answerTo({ statusCode }).body.error),
    ]);
    expect([...named].sort()).toEqual([...answered].sort());
  });
});

import fc from 'fast-check';
import { DeciderSpecification } from '../testing';
import type { StatementCarry } from './daily-statement';
import type { StatementIssued } from './statement-events';
import {
  carryBefore, decideStatement, evolveStatements, forgetStatementsBefore, initialStatementsState, issuedDates, type IssueStatement, type StatementsState,
} from './statements.decider';

const spec = () => DeciderSpecification.for({ decide: decideStatement, evolve: evolveStatements, initialState: initialStatementsState });
const carryTo = (date: string, fromPosition: bigint): StatementCarry => ({ to: `${date}T16:00:00.000Z`, throughPosition: fromPosition - 1n, fromPosition, closing: new Map([['CNY', fromPosition * 100n]]) });
const issue = (date: string, sha256: string, throughPosition = 10n): IssueStatement =>
  ({ merchantId: 'm-1', date, csv: `csv ${sha256}`, sha256, pdf: 'pdf', pdfSha256: `pdf ${sha256}`, throughPosition, issuedAt: '2026-11-24T00:30:00.000Z', carry: carryTo(date, throughPosition + 1n) });
const issued = (date: string, version: number, sha256: string, throughPosition = 10n, withCarry = true): StatementIssued => {
  const [event] = decideStatement(issue(date, sha256, throughPosition), initialStatementsState());
  const { carry, ...data } = event.data;
  return { type: 'StatementIssued', data: { ...data, version, ...(withCarry ? { carry } : {}) } };
};
const fold = (events: readonly StatementIssued[], state = initialStatementsState()) => events.reduce(evolveStatements, state);

/** The carry as read from the whole stream of issued statements: of the latest day before `date`, its latest version with one. */
function carryOfWholeStream(events: readonly StatementIssued[], date: string): StatementCarry | undefined {
  let latest: StatementIssued['data'] | undefined;
  for (const { data } of events) {
    if (data.carry === undefined || data.date >= date) continue;
    if (latest === undefined || data.date >= latest.date) latest = data;
  }
  return latest?.carry && {
    to: latest.carry.to,
    throughPosition: BigInt(latest.throughPosition),
    fromPosition: BigInt(latest.carry.fromPosition),
    closing: new Map(latest.carry.closing.map(({ currency, minor }) => [currency, BigInt(minor)])),
  };
}

describe('statements', () => {
  it("given no statement of the day, when one is issued, then its first version, with what it carries", () => {
    spec().given([]).when(issue('2026-11-23', 'a')).then([issued('2026-11-23', 1, 'a')]);
  });

  it('given the day issued with the same bytes, when issued again, then nothing', () => {
    spec().given([issued('2026-11-23', 1, 'a')]).when(issue('2026-11-23', 'a')).thenNothingHappened();
  });

  it('given the day issued with other bytes (events recorded late), when issued again, then its next version', () => {
    spec().given([issued('2026-11-23', 1, 'a'), issued('2026-11-23', 2, 'b'), issued('2026-11-24', 1, 'c')])
      .when(issue('2026-11-23', 'a', 20n)).then([issued('2026-11-23', 3, 'a', 20n)]);
  });

  it("carries to a day the latest earlier day's latest version with a carry, and nothing from a later day", () => {
    const state = fold([issued('2026-11-21', 1, 'a', 5n), issued('2026-11-22', 1, 'b', 7n), issued('2026-11-22', 2, 'c', 9n), issued('2026-11-22', 3, 'd', 11n, false), issued('2026-11-24', 1, 'e', 20n)]);
    expect(carryBefore(state, '2026-11-23')).toEqual(carryTo('2026-11-22', 10n));
    expect(carryBefore(state, '2026-11-22')).toEqual(carryTo('2026-11-21', 6n));
    expect(carryBefore(state, '2026-11-21')).toBeUndefined();
  });

  it('forgets the days before a date but their latest carry, and refuses to decide or carry to a forgotten day', () => {
    const state = forgetStatementsBefore(fold([issued('2026-11-20', 1, 'a', 5n), issued('2026-11-21', 1, 'b', 7n), issued('2026-11-23', 1, 'c', 9n)]), '2026-11-22');
    expect(issuedDates(state)).toEqual(['2026-11-23']);
    expect(carryBefore(state, '2026-11-23')).toEqual(carryTo('2026-11-21', 8n));
    expect(carryBefore(state, '2026-11-24')).toEqual(carryTo('2026-11-23', 10n));
    expect(() => carryBefore(state, '2026-11-21')).toThrow('2026-11-21 cannot be decided here');
    expect(() => decideStatement(issue('2026-11-21', 'x'), state)).toThrow('2026-11-21 cannot be decided here');
    // A forgotten day issued again elsewhere (by hand) still counts for the carry.
    expect(carryBefore(evolveStatements(state, issued('2026-11-21', 2, 'd', 8n)), '2026-11-23')).toEqual(carryTo('2026-11-21', 9n));
  });

  it('decides and carries on a state that forgot earlier days as on the whole stream, for any stream, any forgetting and any later day', () => {
    const day = fc.integer({ min: 1, max: 12 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`);
    const statement = fc.record({ date: day, sha256: fc.constantFrom('a', 'b', 'c'), throughPosition: fc.bigInt({ min: 0n, max: 1_000n }), withCarry: fc.boolean() });
    fc.assert(fc.property(fc.array(statement, { maxLength: 30 }), fc.array(fc.record({ after: fc.nat({ max: 30 }), before: day }), { maxLength: 3 }), day, fc.constantFrom('a', 'b', 'c'),
      (statements, forgets, date, sha256) => {
        const events: StatementIssued[] = [];
        let whole = initialStatementsState();
        let forgetting: StatementsState = initialStatementsState();
        let keptFrom = '';
        const forgetAt = (n: number) => forgets.filter(({ after }) => after === n).forEach(({ before }) => {
          forgetting = forgetStatementsBefore(forgetting, before);
          keptFrom = before > keptFrom ? before : keptFrom;
        });
        statements.forEach((s, n) => {
          forgetAt(n);
          const event = issued(s.date, (whole.dates[s.date]?.versions ?? 0) + 1, s.sha256, s.throughPosition, s.withCarry);
          events.push(event);
          whole = evolveStatements(whole, event);
          forgetting = evolveStatements(forgetting, event);
        });
        forgetAt(statements.length);
        expect(carryBefore(whole, date)).toEqual(carryOfWholeStream(events, date));
        expect(issuedDates(forgetting).sort()).toEqual([...new Set(events.map((event) => event.data.date))].filter((d) => d >= keptFrom).sort());
        if (date < keptFrom) return;
        expect(carryBefore(forgetting, date)).toEqual(carryOfWholeStream(events, date));
        expect(decideStatement(issue(date, sha256), forgetting)).toEqual(decideStatement(issue(date, sha256), whole));
      }), { numRuns: 500 });
  });
});

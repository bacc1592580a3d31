import fc from 'fast-check';
import { OPERATOR_ROLES, type OperatorDirectory } from '../registry/operators';
import { causeOf, DeciderSpecification, record, recorded, replay, TerminalScript, tx } from '../testing';
import { LedgerEvent } from './ledger-events';
import { terminalLedgerDecider } from './terminal-ledger.decider';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));

const directory: OperatorDirectory = {
  'op-1': { operatorId: 'op-1', name: '收银员一', role: 'CASHIER', active: true },
  'op-2': { operatorId: 'op-2', name: '主管', role: 'SUPERVISOR', active: true },
  'op-3': { operatorId: 'op-3', name: '已离职', role: 'CASHIER', active: false },
};
const withDirectory = { operators: directory };
const types = (events: readonly LedgerEvent[]) => events.map((event) => event.type);

describe('operators at the counter', () => {
  it('a merchant with no operators lets any operator id sign in, with no role', () => {
    const t = new TerminalScript();
    const signIn = t.signedIn('op-anyone');
    spec().given([]).when(record(signIn)).then([recorded(signIn), { type: 'OperatorSignedIn', data: { ...causeOf(signIn), operatorId: 'op-anyone' } }]);
  });

  it("an active operator of the merchant signs in with the directory's role", () => {
    const t = new TerminalScript();
    const signIn = t.signedIn('op-2');
    spec().given([]).when(record(signIn, withDirectory)).then([recorded(signIn), { type: 'OperatorSignedIn', data: { ...causeOf(signIn), operatorId: 'op-2', role: 'SUPERVISOR' } }]);
  });

  it("a refused sign-in ends the previous operator's session: the next sale is refused until a known operator signs in", () => {
    const t = new TerminalScript();
    const refusedThenSignedIn = [t.signedIn('op-1'), t.signedIn('op-9'), t.cardInserted(tx(1)), t.signedIn('op-1'), t.cardInserted(tx(2))];
    const { events, state } = replay(refusedThenSignedIn, withDirectory);
    const rejections = events.flatMap((e) => (e.type === 'TerminalEventRejected' ? [e.data.code] : []));
    expect(rejections).toEqual(['UNKNOWN_OPERATOR', 'OPERATOR_NOT_SIGNED_IN']);
    expect(events.filter((e) => e.type === 'SaleDetailsCaptured').map((e) => e.type === 'SaleDetailsCaptured' && e.data.transactionId)).toEqual([tx(2)]);
    expect(state.operatorId).toBe('op-1');
  });

  it('a disabled operator is refused with OPERATOR_DISABLED', () => {
    const t = new TerminalScript();
    const { events, state } = replay([t.signedIn('op-3')], withDirectory);
    expect(events.flatMap((e) => (e.type === 'TerminalEventRejected' ? [e.data.code] : []))).toEqual(['OPERATOR_DISABLED']);
    expect(state.operatorId).toBeNull();
  });

  it('a sale carries the operator who opened it; its void and refund carry the operator who made them', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn('op-1'), ...t.cardSaleRequested(tx(1), 'CREDIT', '1000'), t.signedOut(), t.signedIn('op-2'), t.approved(tx(1)), t.voided(tx(2), tx(1)),
    ], withDirectory);
    const approved = events.find((e) => e.type === 'SaleApproved');
    const voided = events.find((e) => e.type === 'SaleVoided');
    expect(approved?.type === 'SaleApproved' && approved.data.operatorId).toBe('op-1');
    expect(voided?.type === 'SaleVoided' && voided.data.operatorId).toBe('op-2');
  });

  it('property: a sign-in is accepted exactly when the merchant has no operators or the operator is one of its active ones', () => {
    const operatorId = fc.constantFrom('op-1', 'op-2', 'op-3', 'op-4');
    const entry = fc.record({ active: fc.boolean(), role: fc.constantFrom(...OPERATOR_ROLES), name: fc.string({ minLength: 1 }) });
    const directories = fc.dictionary(operatorId, entry).map((entries): OperatorDirectory =>
      Object.fromEntries(Object.entries(entries).map(([id, operator]) => [id, { ...operator, operatorId: id }])));
    fc.assert(
      fc.property(directories, operatorId, (operators, who) => {
        const t = new TerminalScript();
        const { events, state } = replay([t.signedIn(who)], { operators });
        const known = Object.prototype.hasOwnProperty.call(operators, who) ? operators[who] : undefined;
        const expected = Object.keys(operators).length === 0 || known?.active === true;
        expect(types(events)).toEqual(['TerminalEventRecorded', expected ? 'OperatorSignedIn' : 'TerminalEventRejected']);
        expect(state.operatorId).toBe(expected ? who : null);
      }),
    );
  });
});

describe('voids and refunds above the supervisor limit', () => {
  const limit = { ...withDirectory, supervisorAboveMinor: '5000' };
  const outcome = (events: readonly LedgerEvent[]) => events.filter((e) => e.type !== 'TerminalEventRecorded').map((e) => (e.type === 'TerminalEventRejected' ? e.data.code : e.type));

  /** op-1 sells tx(1) for `amountMinor`; the batch closes when `settled`. */
  function sale(t: TerminalScript, amountMinor: string, settled: boolean) {
    const sold = [t.signedIn('op-1'), ...t.cardSaleRequested(tx(1), 'CREDIT', amountMinor), t.approved(tx(1))];
    return settled ? [...sold, t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor, currency: 'CNY' }])] : sold;
  }

  it.each([
    ['at the limit, no supervisor needed', '5000', undefined, 'SaleVoided'],
    ['above it, without a supervisor', '5001', undefined, 'SUPERVISOR_REQUIRED'],
    ['above it, approved by a cashier', '5001', 'op-1', 'SUPERVISOR_REQUIRED'],
    ['above it, approved by a disabled operator', '5001', 'op-3', 'SUPERVISOR_REQUIRED'],
    ['above it, approved by an active supervisor', '5001', 'op-2', 'SaleVoided'],
  ])('a void %s: %s', (_name, amountMinor, supervisorId, expected) => {
    const t = new TerminalScript();
    const { events } = replay([...sale(t, amountMinor, false), t.voided(tx(2), tx(1), supervisorId)], limit);
    expect(outcome(events).at(-1)).toBe(expected);
  });

  it('records the approving supervisor on the void and on a refund above the limit; below it, asks nothing and records none', () => {
    const t = new TerminalScript();
    const { events } = replay([...sale(t, '9000', true), t.refundApproved(tx(3), tx(1), '6000', 'CNY', 'op-2'), t.refundApproved(tx(4), tx(1), '100', 'CNY', 'op-2')], limit);
    const refunds = events.flatMap((e) => (e.type === 'RefundApproved' ? [e.data] : []));
    expect(refunds.map(({ refundId, supervisorId }) => ({ refundId, supervisorId }))).toEqual([{ refundId: tx(3), supervisorId: 'op-2' }, { refundId: tx(4), supervisorId: undefined }]);
  });

  it('property: a void is refused exactly when it is above the limit and not approved by an active supervisor', () => {
    const supervisors = fc.constantFrom(undefined, 'op-1', 'op-2', 'op-3', 'op-9');
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 20_000n }), fc.option(fc.bigInt({ min: 0n, max: 20_000n }), { nil: undefined }), supervisors, (amount, above, supervisorId) => {
        const t = new TerminalScript();
        const options = { ...withDirectory, ...(above === undefined ? {} : { supervisorAboveMinor: above.toString() }) };
        const { events } = replay([...sale(t, amount.toString(), false), t.voided(tx(2), tx(1), supervisorId)], options);
        const needsSupervisor = above !== undefined && amount > above;
        const refused = needsSupervisor && supervisorId !== 'op-2';
        expect(outcome(events).at(-1)).toBe(refused ? 'SUPERVISOR_REQUIRED' : 'SaleVoided');
      }),
    );
  });
});

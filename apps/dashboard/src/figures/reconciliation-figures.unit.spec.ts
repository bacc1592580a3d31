import type { BillImportAnswer, DecisionAnswer } from '../api/back-office-answers';
import type { BillFile, Discrepancy, Reconciliation, ThreeWayMatch } from '../api/report-types';
import { isUndecided, showsDecision, showsImport, threeWayBySource, undecidedCount } from './reconciliation-figures';

const cny = (minor: string) => ({ currency: 'CNY', minor, exponent: 2 });

const file = (over: Partial<BillFile> = {}): BillFile => ({
  source: 'wechat-pay', sha256: 'aa', fileName: 'wx.csv', importedBy: 'li.na', importedAt: '2026-11-24T01:00:00.000Z',
  lines: 4, matched: 2, discrepancies: 2, throughPosition: '42', current: true, ...over,
});

const discrepancy = (id: string, over: Partial<Discrepancy> = {}): Discrepancy => ({
  id, source: 'wechat-pay', kind: 'FEE_DIFFERS', tradeKind: 'SALE', reference: 'WX-1', lineNumber: 2, terminalId: 't-1', transactionId: 'tx-1',
  billAmount: cny('10000'), ledgerAmount: cny('10000'), billFee: cny('99'), ledgerFee: cny('60'), status: 'OPEN', decision: null, foundAt: '2026-11-24T01:00:00.000Z', ...over,
});

const line = (source: string, scope: 'BATCH' | 'DAY', batchNumber = 0): ThreeWayMatch => ({
  source, scope, terminalId: scope === 'DAY' ? '' : 't-1', batchNumber, terminalCount: 1, terminalAmount: cny('100'), ledgerCount: 1, ledgerAmount: cny('100'),
  billCount: 1, billAmount: cny('100'), status: 'MATCHED',
});

const day = (over: Partial<Reconciliation> = {}): Reconciliation => ({ date: '2026-11-23', status: 'OPEN', files: [], discrepancies: [], threeWay: [], ...over });

const imported: BillImportAnswer = {
  imported: true, source: 'wechat-pay', date: '2026-11-23', sha256: 'bb', lines: 3, matched: 1,
  discrepancies: [{ discrepancyId: 'DSC-000003', kind: 'MISSING_IN_BILL' }], threeWay: [{}, {}],
};

describe("a day's reconciliation", () => {
  it('counts the discrepancies still awaiting a final decision: open or under investigation', () => {
    expect(['OPEN', 'INVESTIGATE', 'ACCEPT_BILL', 'WRITE_OFF', 'NEW_STATUS'].map(isUndecided)).toEqual([true, true, false, false, false]);
    expect(undecidedCount([{ status: 'OPEN' }, { status: 'WRITE_OFF' }, { status: 'INVESTIGATE' }])).toBe(2);
    expect(undecidedCount([])).toBe(0);
  });

  it('shows an import once its file, each discrepancy it found and its three-way lines are in the view', () => {
    const listed = day({
      files: [file(), file({ sha256: 'bb', discrepancies: 1 })],
      discrepancies: [discrepancy('DSC-000003')],
      threeWay: [line('wechat-pay', 'BATCH', 1), line('wechat-pay', 'DAY'), line('alipay', 'DAY')],
    });

    expect(showsImport(listed, imported)).toBe(true);
    expect(showsImport({ ...listed, files: [file()] }, imported)).toBe(false);
    expect(showsImport({ ...listed, files: [file({ sha256: 'bb', throughPosition: '' })] }, imported)).toBe(false);
    expect(showsImport({ ...listed, discrepancies: [] }, imported)).toBe(false);
    expect(showsImport({ ...listed, threeWay: [line('wechat-pay', 'DAY'), line('alipay', 'DAY')] }, imported)).toBe(false);
    expect(showsImport({ ...listed, files: [file({ sha256: 'bb', source: 'alipay' })] }, imported)).toBe(false);
  });

  it('shows a file imported before (the same bytes again) as soon as the file is listed, current or superseded', () => {
    const again = { ...imported, imported: false };

    expect(showsImport(day({ files: [file({ sha256: 'bb', current: false })] }), again)).toBe(true);
    expect(showsImport(day({ files: [file()] }), again)).toBe(false);
  });

  it('shows a decision once the discrepancy carries it: the same decision, person and instant', () => {
    const answer: DecisionAnswer = { discrepancyId: 'DSC-000001', decision: 'ACCEPT_BILL', note: 'ok', decidedBy: 'li.na', decidedAt: '2026-11-24T02:00:00.120Z' };
    const decided = (decision: Discrepancy['decision']) => day({ discrepancies: [discrepancy('DSC-000001', { status: decision?.decision ?? 'OPEN', decision })] });
    const recorded = { decision: 'ACCEPT_BILL', note: 'ok', decidedBy: 'li.na', decidedAt: '2026-11-24T02:00:00.120Z' };

    expect(showsDecision(decided(recorded), answer)).toBe(true);
    expect(showsDecision(decided(null), answer)).toBe(false);
    expect(showsDecision(decided({ ...recorded, decision: 'INVESTIGATE' }), answer)).toBe(false);
    expect(showsDecision(decided({ ...recorded, decidedAt: '2026-11-24T01:59:00.000Z' }), answer)).toBe(false);
    expect(showsDecision(day(), answer)).toBe(false);
  });

  it('groups the three-way lines by source, each in the order given', () => {
    const lines = [line('acquirer', 'BATCH', 1), line('acquirer', 'DAY'), line('wechat-pay', 'BATCH', 2), line('wechat-pay', 'DAY')];

    expect(threeWayBySource(lines).map(({ source, lines: of }) => [source, of.map((l) => `${l.scope}${l.batchNumber}`)])).toEqual([
      ['acquirer', ['BATCH1', 'DAY0']],
      ['wechat-pay', ['BATCH2', 'DAY0']],
    ]);
    expect(threeWayBySource([])).toEqual([]);
  });
});

import { DEFAULT_FEE_SCHEDULE, type RegistryEvent } from '@posledger/domain';
import { replay, TerminalScript } from '@posledger/domain/testing';
import { rowsOf } from '../testing/counter-day';
import { provisionedTerminalRows, terminalActivityRows, type TerminalActivityRow } from './terminal-activity.projection';

const pick = ({ kind, app_version, network, signal, paper_low }: TerminalActivityRow) => ({ kind, app_version, network, signal, paper_low });

describe('terminal activity view', () => {
  it('given a heartbeat and a sign-in, then each is a contact and the heartbeat also says what the terminal runs on', () => {
    const t = new TerminalScript('t-1');
    const events = replay([
      t.event('terminal.heartbeat', { appVersion: '4.2.1', network: 'CELLULAR', signal: 35, paperLow: true }),
      t.event('terminal.heartbeat', { appVersion: '4.2.2', network: 'ETHERNET' }),
      t.signedIn(),
    ]).events;

    expect(rowsOf(events, terminalActivityRows).map(pick)).toEqual([
      { kind: 'EVENT', app_version: '', network: '', signal: -1, paper_low: -1 },
      { kind: 'HEARTBEAT', app_version: '4.2.1', network: 'CELLULAR', signal: 35, paper_low: 1 },
      { kind: 'EVENT', app_version: '', network: '', signal: -1, paper_low: -1 },
      { kind: 'HEARTBEAT', app_version: '4.2.2', network: 'ETHERNET', signal: -1, paper_low: -1 },
      { kind: 'EVENT', app_version: '', network: '', signal: -1, paper_low: -1 },
      { kind: 'OPERATOR', app_version: '', network: '', signal: -1, paper_low: -1 },
    ]);
    expect(new Set(rowsOf(events, terminalActivityRows).map((row) => `${row.merchant_id}/${row.terminal_id}`))).toEqual(new Set(['m-1/t-1']));
  });

  it('given sign-ins, a sign-out and a refused sign-in, then the OPERATOR row says who is signed in after each', () => {
    const t = new TerminalScript('t-1');
    const operators = { 'op-1': { operatorId: 'op-1', name: 'A', role: 'CASHIER' as const, active: true } };
    const events = replay([t.signedIn('op-1'), t.signedOut(), t.signedIn('op-1'), t.signedIn('op-9')], { operators }).events;

    const operatorRows = rowsOf(events, terminalActivityRows).filter((row) => row.kind === 'OPERATOR');
    expect(operatorRows.map((row) => row.operator_id)).toEqual(['op-1', '', 'op-1', '']);
  });

  it('given a provisioned terminal, then it is listed before it sends anything; a merchant’s registration is not a terminal', () => {
    const registry: RegistryEvent[] = [
      { type: 'MerchantRegistered', data: { merchantId: 'm-1', name: 'Shop', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE } },
      { type: 'TerminalProvisioned', data: { terminalId: 't-9', merchantId: 'm-1', secretFingerprint: 'f' } },
    ];
    expect(rowsOf(registry, provisionedTerminalRows)).toEqual([
      { merchant_id: 'm-1', terminal_id: 't-9', kind: 'PROVISIONED', recorded_at: '2026-11-23 03:00:00.000', app_version: '', network: '', signal: -1, paper_low: -1, operator_id: '', position: '1' },
    ]);
  });
});

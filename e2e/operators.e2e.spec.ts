// Operators at the counter through the public contract: the CLI adds, lists and disables a merchant's operators
// while the platform runs; a terminal signing in as anyone else gets nothing through, each sale names the operator
// who took it, and a disabled operator's next sign-in is refused.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, qrSale } from './support/terminal-http';

jest.setTimeout(120_000);

const SALES = `{ transactions(first: 50) { edges { node { id status operatorId amount { minor } } } } }`;
const HISTORY = `query ($id: ID!) { transaction(id: $id) { status events { type data } } }`;

interface Sale {
  id: string;
  status: string;
  operatorId: string | null;
  amount: { minor: string };
}

describe('operators at the counter', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;
  let sequence = 0;

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-operators-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-ops', '--name', '茶馆', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-ops', '--id', 'o-1']).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-ops']).token;
    platform = await startPlatformProcess(env);
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  const sales = async (): Promise<Sale[]> => (await graphql<{ transactions: { edges: { node: Sale }[] } }>(platform.graphqlUrl, token, SALES)).data?.transactions.edges.map((e) => e.node) ?? [];

  async function send(events: ReturnType<typeof event>[]): Promise<void> {
    expect((await postSigned(platform.ingestUrl, 'o-1', secret, JSON.stringify({ events }))).status).toBe(202);
  }

  /** A sign-in by `operatorId`, then a QR sale of `amountMinor`; returns the sale's id. */
  async function signInAndSell(operatorId: string, amountMinor: string): Promise<string> {
    const transactionId = randomUUID();
    const events = [event('o-1', ++sequence, 'operator.signed_in', { operatorId }), ...qrSale('o-1', sequence + 1, amountMinor, transactionId)];
    sequence += 5;
    expect((await postSigned(platform.ingestUrl, 'o-1', secret, JSON.stringify({ events }))).status).toBe(202);
    return transactionId;
  }

  it('lets any operator sign in while the merchant has none, and names the operator on the sale', async () => {
    const open = await signInAndSell('op-anyone', '500');
    const listed = await eventually(sales, (list) => list.some((s) => s.id === open), { what: 'the first sale' });
    expect(listed.find((s) => s.id === open)?.operatorId).toBe('op-anyone');
  });

  it('once the merchant has operators, refuses a sign-in by anyone else and every sale until a known operator signs in', async () => {
    expect(cli(env, ['operator', 'add', '--merchant', 'm-ops', '--id', 'op-7', '--name', '收银员一', '--role', 'cashier'])).toEqual({
      merchantId: 'm-ops', operatorId: 'op-7', name: '收银员一', role: 'CASHIER', active: true,
    });
    expect(cli<{ operators: unknown[] }>(env, ['operator', 'list', '--merchant', 'm-ops']).operators).toEqual([{ operatorId: 'op-7', name: '收银员一', role: 'CASHIER', active: true }]);

    const refused = await signInAndSell('op-5', '700');
    const taken = await signInAndSell('op-7', '900');
    const listed = await eventually(sales, (list) => list.some((s) => s.id === taken), { what: "op-7's sale" });

    expect(listed.find((s) => s.id === taken)).toMatchObject({ operatorId: 'op-7', amount: { minor: '900' } });
    expect(listed.some((s) => s.id === refused)).toBe(false);
  });

  it("refuses a disabled operator's next sign-in; the CLI refuses a second op-7 and an unknown role, naming why", async () => {
    cli(env, ['operator', 'disable', '--merchant', 'm-ops', '--id', 'op-7']);
    cli(env, ['operator', 'add', '--merchant', 'm-ops', '--id', 'op-8', '--name', '主管', '--role', 'supervisor']);

    const refused = await signInAndSell('op-7', '1100');
    const taken = await signInAndSell('op-8', '1300');
    const listed = await eventually(sales, (list) => list.some((s) => s.id === taken), { what: "op-8's sale" });

    expect(listed.find((s) => s.id === taken)?.operatorId).toBe('op-8');
    expect(listed.some((s) => s.id === refused)).toBe(false);

    const twice = cliRun(env, ['operator', 'add', '--merchant', 'm-ops', '--id', 'op-8', '--name', 'x', '--role', 'cashier']);
    expect(twice.status).toBe(1);
    expect(JSON.parse(twice.stderr)).toMatchObject({ error: 'REGISTRY.OPERATOR_EXISTS' });
    const role = cliRun(env, ['operator', 'add', '--merchant', 'm-ops', '--id', 'op-9', '--name', 'x', '--role', 'manager']);
    expect(role.status).toBe(1);
    expect(role.stderr).toContain('--role must be cashier or supervisor');
  });

  it('above the supervisor limit, refuses a void without a supervisor (shown in the sale\'s history) and takes one approved by op-8', async () => {
    expect(cli(env, ['operator', 'limit', '--merchant', 'm-ops', '--above', '1000'])).toEqual({ merchantId: 'm-ops', supervisorAboveMinor: '1000' });
    cli(env, ['operator', 'add', '--merchant', 'm-ops', '--id', 'op-6', '--name', '收银员二', '--role', 'cashier']);
    expect(cli<{ supervisorAboveMinor: string }>(env, ['operator', 'list', '--merchant', 'm-ops']).supervisorAboveMinor).toBe('1000');

    const sale = await signInAndSell('op-6', '1500');
    await send([event('o-1', ++sequence, 'transaction.voided', { originalTransactionId: sale }, randomUUID())]);
    await send([event('o-1', ++sequence, 'transaction.voided', { originalTransactionId: sale, supervisorId: 'op-8' }, randomUUID())]);

    const voided = await eventually(sales, (list) => list.find((s) => s.id === sale)?.status === 'VOIDED', { what: 'the sale voided with op-8' });
    expect(voided.find((s) => s.id === sale)).toMatchObject({ operatorId: 'op-6', amount: { minor: '1500' } });
    const history = (await graphql<{ transaction: { events: { type: string; data: string }[] } }>(platform.graphqlUrl, token, HISTORY, { id: sale })).data?.transaction.events ?? [];
    const refusal = history.find((e) => e.type === 'TerminalEventRejected');
    expect(JSON.parse(refusal?.data ?? '{}')).toMatchObject({ code: 'SUPERVISOR_REQUIRED', originalTransactionId: sale });
    const taken = history.find((e) => e.type === 'SaleVoided');
    expect(JSON.parse(taken?.data ?? '{}')).toMatchObject({ operatorId: 'op-6', supervisorId: 'op-8' });
  });

  it("reports a shift at its close: its sales and voids per method, and the drawer's count against the opening cash", async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const opening = [event('o-1', ++sequence, 'operator.signed_in', { operatorId: 'op-6' }), event('o-1', ++sequence, 'shift.opened', { operatorId: 'op-6', openingCashMinor: '20000', currency: 'CNY' })];
    await send(opening);
    await send(qrSale('o-1', sequence + 1, '700', first));
    await send(qrSale('o-1', sequence + 6, '300', second));
    sequence += 10;
    await send([event('o-1', ++sequence, 'transaction.voided', { originalTransactionId: second }, randomUUID()), event('o-1', ++sequence, 'shift.closed', { countedCashMinor: '19900', currency: 'CNY' })]);

    const SHIFTS = `{ shifts(from: "2020-01-01", to: "2100-01-01") { terminalId operatorId status openingCash { minor } expectedCash { minor } countedCash { minor } overShort { currency minor } sales { method count amount { minor } } voids { method count amount { minor } } refunds { method } } }`;
    const shifts = async () => (await graphql<{ shifts: Record<string, unknown>[] }>(platform.graphqlUrl, token, SHIFTS)).data?.shifts ?? [];
    const [report] = await eventually(shifts, (list) => list[0]?.status === 'CLOSED', { what: 'the closed shift' });
    expect(report).toEqual({
      terminalId: 'o-1', operatorId: 'op-6', status: 'CLOSED',
      openingCash: { minor: '20000' }, expectedCash: { minor: '20000' }, countedCash: { minor: '19900' }, overShort: { currency: 'CNY', minor: '-100' },
      sales: [{ method: 'WECHAT_PAY', count: 2, amount: { minor: '1000' } }],
      voids: [{ method: 'WECHAT_PAY', count: 1, amount: { minor: '300' } }],
      refunds: [],
    });
  });
});

// Invariant 7 through the public contract, for every root field the schema serves (generated from introspection):
// without a valid merchant token nothing is served, merchant A naming merchant B is refused, and none of B's values
// ever reaches A, including when A's terminal reuses the transaction id of B's settled sale.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getNamedType, isEnumType, isNonNullType, type GraphQLArgument, type GraphQLSchema } from 'graphql';
import { eventually, graphql } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { rootFieldCalls, servedSchema, type ArgumentFiller, type RootFieldCall } from './support/root-field-calls';
import { event, postSigned, type RawEvent } from './support/terminal-http';

jest.setTimeout(180_000);

const A = { merchantId: 'm-tenant-a', terminalId: 'a-tenant-1' };
const B = { merchantId: 'm-tenant-b', terminalId: 'b-canary-1' };
// Values only B's data holds; A's requests never carry them, so finding one in an answer to A is a leak.
const B_CANARIES = [B.terminalId, 'BCANARYAUTH', 'BCANARYHOST', 'WX-BCANARY', '"4242"'];
const A_REUSE_CANARY = 'ACANARYREUSE';

const INSTANTS: Record<string, string> = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', at: '2100-01-01T00:00:00Z' };

function qrSale(terminalId: string, first: number, id: string, amountMinor: string, authCode: string, hostReference: string, walletReference: string): RawEvent[] {
  return [
    event(terminalId, first, 'qr.scanned', { walletReference }, id),
    event(terminalId, first + 1, 'payment.method_selected', { method: 'WECHAT_PAY' }, id),
    event(terminalId, first + 2, 'amount.entered', { amountMinor, currency: 'CNY' }, id),
    event(terminalId, first + 3, 'authorization.requested', {}, id),
    event(terminalId, first + 4, 'authorization.approved', { authCode, hostReference }, id),
  ];
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('tenant isolation of the reports API (invariant 7)', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let schema: GraphQLSchema;
  const secrets: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const sharedId = randomUUID();
  const markerId = randomUUID();
  let bCursor: string;
  let bEventIds: string[];

  const post = async (authorization: string | undefined, call: Pick<RootFieldCall, 'query' | 'variables'>): Promise<Answer> => {
    const response = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify({ query: call.query, variables: call.variables }),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
  };
  const bLeaksIn = (text: string) => [...B_CANARIES, ...bEventIds].filter((value) => text.includes(value));

  /** B's merchant, transaction id and cursor wherever a field takes them; required instants, enums and ints filled in. */
  const naming = (merchantId: string | undefined): ArgumentFiller => (argument: GraphQLArgument) => {
    const byName: Record<string, unknown> = { merchantId, id: sharedId, after: bCursor, first: 5, ...INSTANTS };
    if (byName[argument.name] !== undefined) return byName[argument.name];
    if (!isNonNullType(argument.type)) return undefined;
    const type = getNamedType(argument.type);
    if (isEnumType(type)) return type.getValues()[0].value;
    if (argument.name === 'merchantId') return A.merchantId;
    return type.name === 'String' ? INSTANTS.from : undefined;
  };

  beforeAll(async () => {
    env = {
      dataDir: mkdtempSync(join(tmpdir(), 'posledger-tenants-')),
      ingestPort: await freePort(),
      reportsPort: await freePort(),
      // Hundreds of calls from one test client: the per-token limit is not what this suite is about.
      extraEnv: { REPORTS_RATE_LIMIT: '100000' },
    };
    for (const { merchantId, terminalId } of [A, B]) {
      cli(env, ['merchant', 'add', '--id', merchantId, '--name', `Shop ${merchantId}`, '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
      secrets[terminalId] = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', merchantId, '--id', terminalId]).secret;
      tokens[merchantId] = cli<{ token: string }>(env, ['token', '--merchant', merchantId]).token;
    }
    platform = await startPlatformProcess(env);
    const send = async (terminalId: string, events: RawEvent[]) =>
      expect((await postSigned(platform.ingestUrl, terminalId, secrets[terminalId], JSON.stringify({ events }))).status).toBe(202);

    // B's settled sale, read by B before A's terminal reuses its transaction id (then a marker sale of A's).
    await send(B.terminalId, [
      event(B.terminalId, 1, 'operator.signed_in', { operatorId: 'op-b' }),
      ...qrSale(B.terminalId, 2, sharedId, '4242', 'BCANARYAUTH', 'BCANARYHOST', 'WX-BCANARY'),
      event(B.terminalId, 7, 'settlement.closed', { batchNumber: 1, totals: [{ method: 'WECHAT_PAY', count: 1, amountMinor: '4242', currency: 'CNY' }] }),
    ]);
    type Settled = { transaction: { status: string; events: { id: string }[] } | null };
    const settled = await eventually(
      () => graphql<Settled>(platform.graphqlUrl, tokens[B.merchantId], 'query($id: ID!) { transaction(id: $id) { status events { id } } }', { id: sharedId }),
      (r) => r.data?.transaction?.status === 'SETTLED',
    );
    bEventIds = settled.data!.transaction!.events.map((e) => e.id);
    type Listed = { transactions: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } };
    const listedByB = await graphql<Listed>(platform.graphqlUrl, tokens[B.merchantId], '{ transactions(first: 1) { edges { node { id } } pageInfo { endCursor } } }');
    bCursor = listedByB.data!.transactions.pageInfo.endCursor;

    await send(A.terminalId, [
      event(A.terminalId, 1, 'operator.signed_in', { operatorId: 'op-a' }),
      ...qrSale(A.terminalId, 2, sharedId, '700', A_REUSE_CANARY, 'AHOST', 'WX-A'),
      ...qrSale(A.terminalId, 7, markerId, '800', 'AAUTH2', 'AHOST2', 'WX-A2'),
    ]);
    await eventually(
      () => graphql<Listed>(platform.graphqlUrl, tokens[A.merchantId], '{ transactions(first: 10) { edges { node { id } } pageInfo { endCursor } } }'),
      (r) => (r.data?.transactions.edges ?? []).some((e) => e.node.id === markerId),
    );
    schema = await servedSchema(platform.graphqlUrl);
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('has B settled and A trading before the attacks (the suite would prove nothing on empty views)', () => {
    expect(bEventIds.length).toBeGreaterThan(1);
    expect(bCursor).toEqual(expect.any(String));
    expect(rootFieldCalls(schema, naming(B.merchantId)).map((c) => c.field)).toEqual(expect.arrayContaining(['salesSummary', 'transactions', 'transaction', 'replayViews']));
  });

  it.each([
    ['no token', (): string | undefined => undefined],
    ['a malformed token', (): string | undefined => 'Bearer not-a-token'],
    ['an empty bearer', (): string | undefined => 'Bearer '],
    ['another scheme', () => `Basic ${Buffer.from('m-tenant-b:x').toString('base64')}`],
    ["A's terminal secret", () => `Bearer ${secrets[A.terminalId]}`],
    ["B's terminal secret", () => `Bearer ${secrets[B.terminalId]}`],
  ] as const)('refuses every root field with %s, and shows nothing of B', async (_, authorization) => {
    for (const call of rootFieldCalls(schema, naming(B.merchantId))) {
      const answer = await post(authorization(), call);

      expect({ field: call.field, status: answer.status, codes: answer.body.errors?.map((e) => e.extensions?.code) }).toEqual({
        field: call.field,
        status: 200,
        codes: ['REPORTS.NOT_AUTHENTICATED'],
      });
      expect(answer.body.data?.[call.field] ?? null).toBeNull();
      expect({ field: call.field, leaks: bLeaksIn(answer.text) }).toEqual({ field: call.field, leaks: [] });
    }
  });

  it("refuses every root field to A's token naming B's merchant, with B's transaction id and cursor", async () => {
    for (const call of rootFieldCalls(schema, naming(B.merchantId))) {
      const answer = await post(`Bearer ${tokens[A.merchantId]}`, call);

      expect({ field: call.field, codes: answer.body.errors?.map((e) => e.extensions?.code) }).toEqual({ field: call.field, codes: ['REPORTS.NOT_AUTHORIZED'] });
      expect(answer.body.data?.[call.field] ?? null).toBeNull();
      expect({ field: call.field, leaks: bLeaksIn(answer.text) }).toEqual({ field: call.field, leaks: [] });
    }
  });

  it("shows A, asking for its own merchant with B's transaction id and cursor, nothing of B", async () => {
    for (const call of rootFieldCalls(schema, naming(undefined))) {
      const answer = await post(`Bearer ${tokens[A.merchantId]}`, call);

      expect(answer.status).toBeLessThan(500);
      expect({ field: call.field, leaks: bLeaksIn(answer.text) }).toEqual({ field: call.field, leaks: [] });
    }
  });

  it("invariant 7: A's terminal reusing B's settled transaction id shows A only its own sale, and B only B's events", async () => {
    const sale = 'query($id: ID!) { transaction(id: $id) { merchantId terminalId status amount { minor } events { id type data } } }';
    const seenByA = await post(`Bearer ${tokens[A.merchantId]}`, { query: sale, variables: { id: sharedId } });
    const listedByA = await post(`Bearer ${tokens[A.merchantId]}`, { query: '{ transactions(first: 10) { edges { node { id terminalId events { id type data } } } } }', variables: {} });
    const onBsTerminal = await post(`Bearer ${tokens[A.merchantId]}`, { query: 'query($id: ID!, $t: ID) { transaction(id: $id, terminalId: $t) { id } }', variables: { id: sharedId, t: B.terminalId } });
    const seenByB = await post(`Bearer ${tokens[B.merchantId]}`, { query: sale, variables: { id: sharedId } });

    expect(seenByA.body.data?.transaction).toMatchObject({ merchantId: A.merchantId, terminalId: A.terminalId, amount: { minor: '700' } });
    expect(bLeaksIn(seenByA.text)).toEqual([]);
    expect(bLeaksIn(listedByA.text)).toEqual([]);
    expect(onBsTerminal.body).toEqual({ data: { transaction: null } });
    const bSale = seenByB.body.data?.transaction as { merchantId: string; terminalId: string; status: string; events: { id: string }[] };
    expect(bSale).toMatchObject({ merchantId: B.merchantId, terminalId: B.terminalId, status: 'SETTLED', amount: { minor: '4242' } });
    // Exactly the events B's sale had before A's terminal reused its id.
    expect(bSale.events.map((e) => e.id)).toEqual(bEventIds);
    expect(seenByB.text).not.toContain(A_REUSE_CANARY);
    expect(seenByB.text).not.toContain(A.terminalId);
  });

  it("refuses B's ledger export to A, to no token and to a terminal secret", async () => {
    const url = `${platform.graphqlUrl.replace('/graphql', '')}/v1/exports/ledger?merchantId=${B.merchantId}&from=${INSTANTS.from}&to=${INSTANTS.to}`;
    const asked = async (authorization?: string) => {
      const response = await fetch(url, { headers: authorization ? { authorization } : {} });
      return { status: response.status, text: await response.text() };
    };

    const answers = [await asked(), await asked(`Bearer ${secrets[B.terminalId]}`), await asked(`Bearer ${tokens[A.merchantId]}`)];

    expect(answers.map((a) => a.status)).toEqual([401, 401, 403]);
    for (const answer of answers) expect(bLeaksIn(answer.text)).toEqual([]);
  });
});

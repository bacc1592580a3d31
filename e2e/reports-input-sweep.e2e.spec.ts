// Defect 7: no input makes the reports API answer 5xx. Sweeps lengths 0 to 5,000 and character classes (ASCII,
// symbols, unicode, CR/LF, NUL, broken percent-encoding) through every string argument of every query, every
// parameter of the ledger export, the GraphQL GET query string and the Authorization header (sent as raw bytes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getNamedType, isEnumType, isNonNullType, type GraphQLArgument, type GraphQLSchema } from 'graphql';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { rawHttpStatus } from './support/raw-http';
import { rootFieldCalls, servedSchema, type ArgumentFiller } from './support/root-field-calls';

jest.setTimeout(300_000);

const LENGTHS = [0, 1, 64, 65, 1000, 5000];
const CLASSES: Record<string, string> = {
  ascii: 'aZ09_.-',
  symbols: ' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}~',
  unicode: 'é✓漢😀',
  'CR/LF': '\r\n',
  NUL: '\u0000',
};
/** Instants that pass ISO-8601 but lie outside what the read store's DateTime64 holds, or are not instants at all. */
const EDGE_INSTANTS = ['0001-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '9999-12-31T23:59:59.999Z', '2026-02-30T00:00:00Z', '2026-13-01', '2026-11-23T25:00:00Z', '2026-11-23T10:00:00+99:99'];
const VALID: Record<string, string> = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', at: '2100-01-01T00:00:00Z', merchantId: 'm-sweep', format: 'csv' };
const EXPORT_PARAMETERS = ['merchantId', 'from', 'to', 'format'];
/** A small page: a sale's events for the default 50 would be over the query cost, and refused before the argument is read. */
const VALID_ARGUMENTS: Record<string, unknown> = { ...VALID, first: 5 };

/** Whole characters of the class repeated up to `length` (no lone surrogate half). */
const valueOf = (characters: string, length: number): string => Array.from(characters.repeat(Math.ceil(length / characters.length) || 1)).slice(0, length).join('');

const SWEPT = [...new Set([...Object.values(CLASSES).flatMap((characters) => LENGTHS.map((length) => valueOf(characters, length))), ...EDGE_INSTANTS])];
/** Query-string text put into the URL as it is: broken percent-encoding and raw bytes. */
const RAW_QUERY_VALUES = ['%', '%Z', '%E0%A4%A', '%FF%FE', '%00', '%0D%0AX-Injected:%201', '%C3%28', 'a'.repeat(5000)];

const label = (value: string) => `${JSON.stringify(value.slice(0, 24))}${value.length > 24 ? `...(${value.length})` : ''}`;

describe('reports input sweep: no 5xx (defect 7)', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let schema: GraphQLSchema;
  let reportsUrl: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-sweep-')), ingestPort: await freePort(), reportsPort: await freePort(), extraEnv: { REPORTS_RATE_LIMIT: '100000' } };
    cli(env, ['merchant', 'add', '--id', 'm-sweep', '--name', 'Swept shop', '--timezone', 'Europe/Berlin', '--currency', 'EUR']);
    tokens.merchant = cli<{ token: string }>(env, ['token', '--merchant', 'm-sweep']).token;
    tokens.auditor = cli<{ token: string }>(env, ['token', '--auditor']).token;
    platform = await startPlatformProcess(env);
    reportsUrl = platform.graphqlUrl.replace('/graphql', '');
    schema = await servedSchema(platform.graphqlUrl);
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  /** Valid values for every argument but the swept one. */
  const sweeping = (field: string, argument: string, value: string): ArgumentFiller => (arg: GraphQLArgument, name: string) => {
    if (name === field && arg.name === argument) return value;
    if (VALID_ARGUMENTS[arg.name] !== undefined) return VALID_ARGUMENTS[arg.name];
    const type = getNamedType(arg.type);
    if (isNonNullType(arg.type) && isEnumType(type)) return type.getValues()[0].value;
    if (isNonNullType(arg.type) && ['ID', 'String'].includes(type.name)) return 'm-sweep';
    return undefined;
  };

  it('answers every string argument of every query below 500, for merchants and auditors', async () => {
    const queries = rootFieldCalls(schema, sweeping('', '', '')).filter((call) => call.operation === 'query');
    const stringArguments = queries.flatMap((call) =>
      schema.getQueryType()!.getFields()[call.field].args.filter((arg) => ['ID', 'String'].includes(getNamedType(arg.type).name)).map((arg) => [call.field, arg.name] as const),
    );
    expect(stringArguments.length).toBeGreaterThan(10);

    const failures: string[] = [];
    for (const [field, argument] of stringArguments) {
      for (const value of SWEPT) {
        const [call] = rootFieldCalls(schema, sweeping(field, argument, value)).filter((c) => c.field === field);
        for (const role of ['merchant', 'auditor']) {
          const response = await fetch(platform.graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[role]}` },
            body: JSON.stringify({ query: call.query, variables: call.variables }),
          });
          const body = await response.text();
          if (response.status >= 500 || body.includes('INTERNAL_SERVER_ERROR')) failures.push(`${role} ${field}(${argument}: ${label(value)}) -> ${response.status} ${body.slice(0, 200)}`);
          if (body.includes('REPORTS.QUERY_TOO')) failures.push(`${role} ${field}: the sweep's own query is over a limit, so the argument was never read`);
        }
      }
    }

    expect(failures).toEqual([]);
  });

  it('answers every ledger export parameter below 500, and 400 for an invalid one', async () => {
    const failures: string[] = [];
    for (const parameter of EXPORT_PARAMETERS) {
      for (const value of [...SWEPT.map(encodeURIComponent), ...RAW_QUERY_VALUES]) {
        const others = EXPORT_PARAMETERS.filter((name) => name !== parameter).map((name) => `${name}=${encodeURIComponent(VALID[name])}`);
        const query = [...others, `${parameter}=${value}`].join('&');
        for (const role of ['merchant', 'auditor']) {
          const response = await fetch(`${reportsUrl}/v1/exports/ledger?${query}`, { headers: { authorization: `Bearer ${tokens[role]}` } });
          const body = await response.text();
          if (response.status >= 500) failures.push(`${role} ${parameter}=${label(value)} -> ${response.status} ${body.slice(0, 200)}`);
        }
      }
    }
    const crlf = await fetch(`${reportsUrl}/v1/exports/ledger?merchantId=m-a%0D%0AX-Injected:%201&from=${VALID.from}&to=${VALID.to}`, { headers: { authorization: `Bearer ${tokens.auditor}` } });

    expect(failures).toEqual([]);
    expect(crlf.status).toBe(400);
    expect(crlf.headers.get('x-injected')).toBeNull();
    expect(await crlf.json()).toEqual({ error: 'REPORTS.INVALID_ARGUMENT', message: expect.stringContaining('merchantId must be') });
  });

  it('answers a GraphQL GET query string of any content below 500', async () => {
    const failures: string[] = [];
    for (const value of [...SWEPT.map(encodeURIComponent), ...RAW_QUERY_VALUES]) {
      const response = await fetch(`${platform.graphqlUrl}?query=${value}`, { headers: { authorization: `Bearer ${tokens.merchant}`, 'apollo-require-preflight': 'true' } });
      if (response.status >= 500) failures.push(`GET query=${label(value)} -> ${response.status} ${(await response.text()).slice(0, 200)}`);
    }

    expect(failures).toEqual([]);
  });

  it('answers an Authorization header of any bytes below 500, on GraphQL and the export', async () => {
    const port = Number(new URL(reportsUrl).port);
    const body = JSON.stringify({ query: '{ balances { currency } }' });
    const failures: string[] = [];
    for (const value of SWEPT) {
      const authorization = Buffer.from(`Bearer ${value}`, 'utf8');
      const requests = [
        Buffer.concat([
          Buffer.from(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\nAuthorization: `),
          authorization,
          Buffer.from(`\r\n\r\n${body}`),
        ]),
        Buffer.concat([
          Buffer.from(`GET /v1/exports/ledger?merchantId=m-sweep&from=${VALID.from}&to=${VALID.to} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: `),
          authorization,
          Buffer.from('\r\n\r\n'),
        ]),
      ];
      for (const request of requests) {
        const status = await rawHttpStatus(port, request);
        if (status >= 500) failures.push(`Authorization: Bearer ${label(value)} on ${request.toString('latin1', 0, 20)} -> ${status}`);
      }
    }

    expect(failures).toEqual([]);
  });

  it('answers raw bytes in the export query string below 500', async () => {
    const port = Number(new URL(reportsUrl).port);
    const failures: string[] = [];
    for (const value of SWEPT) {
      const request = Buffer.concat([
        Buffer.from('GET /v1/exports/ledger?merchantId='),
        Buffer.from(value, 'utf8'),
        Buffer.from(`&from=${VALID.from}&to=${VALID.to} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer ${tokens.auditor}\r\n\r\n`),
      ]);
      const status = await rawHttpStatus(port, request);
      if (status >= 500) failures.push(`raw merchantId=${label(value)} -> ${status}`);
    }

    expect(failures).toEqual([]);
  });
});

// The ingest app on its real adapters (LMDB credentials and seen ids, the embedded transport) in a temporary
// directory, driven through Fastify's inject: no socket, so thousands of requests stay fast.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openCredentialStore } from '@posledger/credentials';
import { createEmbeddedTransport, type TransportMessage, type TransportProducer } from '@posledger/transport';
import { signBody } from '../auth/verify-signature';
import { createIngestApp } from '../create-ingest-app';
import { openSeenEventIds, type SeenEventIds } from '../dedupe/seen-event-ids';
import type { TerminalDirectory } from '../ingest.ports';
import { RecordingLogger } from './recording-logger';

export const TERMINAL_ID = 't-1';

export interface InjectedRequest {
  readonly method?: 'POST' | 'GET' | 'PUT' | 'DELETE' | 'PATCH';
  readonly url?: string;
  readonly headers: Record<string, string | string[]>;
  readonly payload?: string;
}

export interface IngestAnswer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly text: string;
}

export interface IngestUnderTest {
  readonly app: NestFastifyApplication;
  readonly secret: string;
  readonly seen: SeenEventIds;
  readonly logs: RecordingLogger;
  /** Messages the transport took since the start, in order. */
  readonly published: readonly TransportMessage[];
  inject(request: InjectedRequest): Promise<IngestAnswer>;
  /** POSTs a body to /v1/terminal-events signed as the contract says, headers overridable. */
  postSigned(body: string, headers?: Record<string, string>): Promise<IngestAnswer>;
  /** How many messages a consumer of the transport receives, waiting for at least `expected` of them. */
  deliveredCount(expected: number): Promise<number>;
  close(): Promise<void>;
}

export interface IngestOptions {
  readonly directory?: TerminalDirectory;
  /** Wraps the embedded producer (e.g. to make it fail like a transport that is down). */
  readonly producer?: (real: TransportProducer) => TransportProducer;
}

export function signedHeaders(secret: string, body: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = String(nowMs);
  return { 'content-type': 'application/json', 'x-terminal-id': TERMINAL_ID, 'x-timestamp': timestamp, 'x-signature': signBody(secret, timestamp, body) };
}

export async function startIngestUnderTest(options: IngestOptions = {}): Promise<IngestUnderTest> {
  const dataDir = await mkdtemp(join(tmpdir(), 'posledger-ingest-'));
  const credentials = openCredentialStore(dataDir);
  const { secret } = await credentials.issueTerminalSecret(TERMINAL_ID);
  const seen = openSeenEventIds(dataDir);
  const transport = await createEmbeddedTransport({ path: join(dataDir, 'transport'), partitions: 2 });
  const published: TransportMessage[] = [];
  const real = transport.producer();
  const recording: TransportProducer = {
    async publish(messages) {
      await real.publish(messages);
      published.push(...messages);
    },
    close: () => real.close(),
  };
  const directory = options.directory ?? { isProvisioned: async (terminalId) => terminalId === TERMINAL_ID };
  const app = await createIngestApp({
    directory,
    secrets: credentials,
    seenEventIds: seen,
    producer: options.producer ? options.producer(recording) : recording,
    terminalRateLimit: 1_000_000,
    terminalEventRateLimit: 1_000_000,
  });
  const logs = new RecordingLogger();
  app.useLogger(logs);
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();

  const inject = async ({ method = 'POST', url = '/v1/terminal-events', headers, payload }: InjectedRequest): Promise<IngestAnswer> => {
    const answer = await fastify.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    return { status: answer.statusCode, headers: answer.headers, text: answer.body };
  };

  return {
    app,
    secret,
    seen,
    logs,
    published,
    inject,
    postSigned: (body, headers = {}) => inject({ headers: { ...signedHeaders(secret, body), ...headers }, payload: body }),
    async deliveredCount(expected) {
      let delivered = 0;
      const consumer = transport.consumer({ groupId: `count-${randomUUID()}` });
      await consumer.start(async ({ messages }) => {
        delivered += messages.length;
      });
      for (const deadline = Date.now() + 10_000; delivered < expected && Date.now() < deadline; ) await sleep(20);
      await sleep(200);
      await consumer.stop();
      return delivered;
    },
    async close() {
      await app.close();
      await transport.close();
      await seen.close();
      await credentials.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { logLevel } from 'kafkajs';
import { TransportUnavailableError } from '../transport-unavailable.error';
import { createKafkaSender } from './kafka-sender';

// Needs no broker: these pin down that ingest gets its 503 within seconds when Kafka cannot take a batch.
describe('Kafka sender when the broker cannot take a batch', () => {
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function publishTo(broker: string): Promise<{ error: unknown; elapsedMs: number }> {
    const sender = createKafkaSender({ clientId: 'sender-spec', brokers: [broker], connectionTimeout: 1_000, requestTimeout: 5_000, logLevel: logLevel.NOTHING });
    const started = Date.now();
    const error = await sender.send('pos.terminal-events.v1', [{ key: 't-1', value: '{}' }]).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    const elapsedMs = Date.now() - started;
    await sender.close();
    return { error, elapsedMs };
  }

  it('rejects with TRANSPORT.UNAVAILABLE within seconds when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const { error, elapsedMs } = await publishTo(`127.0.0.1:${closedPort}`);

    expect(error).toBeInstanceOf(TransportUnavailableError);
    expect((error as TransportUnavailableError).code).toBe('TRANSPORT.UNAVAILABLE');
    expect(elapsedMs).toBeLessThan(5_000);
  }, 15_000);

  it('rejects with TRANSPORT.UNAVAILABLE within the send deadline when the broker accepts but never answers', async () => {
    const { error, elapsedMs } = await publishTo(`127.0.0.1:${port}`);

    expect(error).toBeInstanceOf(TransportUnavailableError);
    expect(elapsedMs).toBeLessThan(6_000);
  }, 15_000);
});

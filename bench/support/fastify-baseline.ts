// What HTTP alone costs on this machine: a Fastify hello-world that parses the same JSON bodies and answers 202.
import Fastify from 'fastify';

export interface RunningBaseline {
  readonly url: string;
  close(): Promise<void>;
}

export async function startFastifyBaseline(): Promise<RunningBaseline> {
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  app.post<{ Body: { events: readonly unknown[] } }>('/v1/terminal-events', async (request, reply) => {
    void reply.code(202);
    return { accepted: request.body.events.length, duplicates: 0 };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

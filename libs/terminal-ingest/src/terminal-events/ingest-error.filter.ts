import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { answerTo, type IngestErrorAnswer } from './ingest-error-answer';

/**
 * Every error of every request ends here, whoever raised it (the use case, Nest, Fastify, Node's HTTP parser),
 * and is answered with the one error body of the contract. A client's mistake (4xx) is one warning line; only a
 * fault of ours (5xx) is logged as an error with its stack trace.
 */
@Catch()
export class IngestErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('TerminalIngest');

  catch(error: unknown, host: ArgumentsHost): void {
    this.send(error, host.switchToHttp().getResponse<FastifyReply>());
  }

  /** Also Fastify's `frameworkErrors` hook: errors raised before routing (a path that is not a valid URL). */
  send(error: unknown, reply: FastifyReply): void {
    const answer = this.answerAndLog(error);
    if (answer.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(answer.retryAfterSeconds));
    void reply.status(answer.status).send(answer.body);
  }

  /** Fastify's `clientErrorHandler`: a request Node's HTTP parser could not read, answered on the socket. */
  sendOnSocket(error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const answer = this.answerAndLog(Object.assign(error, { statusCode: status }));
    const body = JSON.stringify(answer.body);
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\n\r\n${body}`);
    }
    socket.destroy(error);
  }

  private answerAndLog(error: unknown): IngestErrorAnswer {
    const answer = answerTo(error);
    const line = `${answer.status} ${answer.body.error}: ${answer.body.message}`;
    if (answer.status >= 500) this.logger.error(line, error instanceof Error ? error.stack : String(error));
    else this.logger.warn(line);
    return answer;
  }
}

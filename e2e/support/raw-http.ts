import { connect } from 'node:net';

/**
 * Sends bytes as they are (fetch refuses CR, LF, NUL and non-Latin-1 characters in a header) and resolves with the
 * status of the answer. The request should say `Connection: close`; a server that closes without answering fails.
 */
export function rawHttpStatus(port: number, request: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(received)?.[1];
      if (status) resolve(Number(status));
      else reject(new Error(`no HTTP answer to ${JSON.stringify(request.toString('latin1').slice(0, 120))}: ${JSON.stringify(received.slice(0, 120))}`));
    });
    socket.write(request);
  });
}

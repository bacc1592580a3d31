// A PostgreSQL server from Debian's packages, started for one bench on loopback in a temporary directory, as the
// postgres user (the server refuses to run as root), and stopped with it.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../e2e/support/platform-process';

export interface PostgresServer {
  readonly connectionString: string;
  readonly settings: string;
  stop(): void;
}

const USER = 'postgres';

/** Debian keeps the server's programs under /usr/lib/postgresql/<major>/bin, off the PATH. */
function program(name: string): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = majors.map((major) => join(root, major, 'bin', name)).find(existsSync);
  if (found === undefined) throw new Error(`${name} not found under ${root}: install Debian's postgresql package (scripts/bench-peers does)`);
  return found;
}

function asPostgres(name: string, args: readonly string[]): string {
  const command = program(name);
  const asRoot = process.getuid?.() === 0;
  return execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', USER, '--', command, ...args] : [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** fsync on and synchronous_commit on: each COMMIT is on disk before it returns, as each LMDB append is. */
export async function startPostgres(dir: string): Promise<PostgresServer> {
  const data = join(dir, 'pgdata');
  mkdirSync(data);
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    chownSync(data, uid, gid);
  }
  asPostgres('initdb', ['-D', data, '-U', 'bench', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='' -c fsync=on -c synchronous_commit=on -c max_connections=100`;
  asPostgres('pg_ctl', ['-D', data, '-l', join(data, 'server.log'), '-o', options, '-w', 'start']);
  const version = asPostgres('postgres', ['--version']).trim();
  return {
    connectionString: `postgresql://bench@127.0.0.1:${port}/postgres`,
    settings: `${version} on loopback TCP, fsync=on, synchronous_commit=on, shared_buffers default (128 MB), data in the bench's temporary directory`,
    stop: () => void asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
  };
}

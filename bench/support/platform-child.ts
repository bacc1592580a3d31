// `posledger start` as a child process, so that its resident memory is its own and not the load generator's.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'posledger.js');

export interface ResidentSet {
  readonly total: number;
  readonly anonymous: number;
  /** Pages of mapped files: LMDB maps its data files, so the event store and the log count here. */
  readonly file: number;
}

export interface PlatformChild {
  readonly child: ChildProcess;
  readonly ingestUrl: string;
  /** The process's resident set (VmRSS) and its anonymous and file-backed parts (RssAnon, RssFile), in MiB. */
  rss(): ResidentSet;
  /** SIGTERM, then waits for the platform's orderly stop. */
  stop(): Promise<number | null>;
}

export async function startPlatformChild(env: NodeJS.ProcessEnv): Promise<PlatformChild> {
  const child = spawn('node', [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('"startedInMs"')) resolve();
    });
    void exited.then((code) => reject(new Error(`posledger start exited ${code} before starting: ${stdout}`)));
  });
  const ingestUrl = /"ingestUrl": "([^"]+)"/.exec(stdout)?.[1].replace('/v1/terminal-events', '');
  if (ingestUrl === undefined) throw new Error(`posledger start printed no ingest URL: ${stdout}`);
  return {
    child,
    ingestUrl,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const mib = (field: string): number => {
        const kib = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
        if (kib === undefined) throw new Error(`no ${field} for process ${child.pid}`);
        return Math.round(Number(kib) / 1024);
      };
      return { total: mib('VmRSS'), anonymous: mib('RssAnon'), file: mib('RssFile') };
    },
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

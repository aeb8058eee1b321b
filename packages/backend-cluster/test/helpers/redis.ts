import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REDIS_SERVER = '/usr/bin/redis-server';
export const CLI = fileURLToPath(new URL('../../dist/node/cli.js', import.meta.url));
export const FIXTURE_TASKS = fileURLToPath(new URL('../fixtures/tasks.mjs', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): void;
}

/**
 * A throwaway redis-server on loopback, run as our own child process (not daemonized) so its pid
 * comes from `spawn` and never from a pidfile: reading a pidfile Redis has created but not yet
 * written gives pid 0, and `process.kill(0)` would kill our whole process group.
 * Fails (never skips) when Redis is not installed.
 */
export async function startRedis(extraArgs: string[] = []): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `${REDIS_SERVER} not found: the Redis tests need a real Redis server. Install it with \`apt-get install -y redis-server\`.`,
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sciport-redis-'));
  const child = spawn(
    REDIS_SERVER,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir, '--logfile', join(dir, 'redis.log'), ...extraArgs],
    { stdio: 'ignore' },
  );
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 5000;
  // Wait until it accepts connections.
  for (;;) {
    if (child.exitCode !== null) {
      stop();
      throw new Error(`redis-server exited with code ${child.exitCode} before accepting connections on port ${port}.`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) {
      stop();
      throw new Error(`redis-server on port ${port} does not accept connections.`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Lines printed so far. */
  readonly lines: string[];
  /** Resolves with the first line matching. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Start `sciport-worker` (the compiled bin) with the test tasks loaded. */
export async function startWorker(url: string, extra: string[] = [], verbose = true): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [CLI, '--redis', url, '--import', FIXTURE_TASKS, ...(verbose ? ['--verbose'] : []), ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffer = '';
  const onData = (data: Buffer) => {
    buffer += data.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const worker: WorkerProcess = {
    child,
    lines,
    // Generous: a worker process imports the whole package, which takes seconds on a loaded machine.
    waitFor(pattern, timeoutMs = 60_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker did not print ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}`)), timeoutMs);
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  await worker.waitFor(/sciport-worker ready/);
  return worker;
}

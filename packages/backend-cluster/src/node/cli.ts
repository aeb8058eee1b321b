#!/usr/bin/env node
/**
 * sciport-worker: serve sciport chunk tasks from Redis. Run one per CPU core on any machine
 * that can reach the Redis server:
 *
 *   sciport-worker --redis redis://10.0.0.5:6379 [--queue sciport] [--import ./my-tasks.js]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { packedMap } from '@sciport/array-api';
import { startRedisWorker } from './redis-worker.js';

const HELP = `Usage: sciport-worker --redis <url> [options]

Serve sciport chunk tasks from a BullMQ queue on Redis.

  --redis <url>            redis://[user:password@]host:port[/db], rediss:// for TLS
                           (or env SCIPORT_REDIS_URL)
  --queue <name>           queue name, same as cluster.redis({ queue }) (default sciport)
  --prefix <prefix>        BullMQ key prefix (default bull)
  --concurrency <n>        jobs run at once by this process (default 1)
  --import <module>        module to load first (registers multimethods/tasks); repeatable
  --password <password>    Redis password (or env REDIS_PASSWORD)
  --username <name>        Redis ACL user
  --tls                    use TLS (implied by rediss://)
  --tls-ca <file>          CA certificate (PEM)
  --tls-cert <file>        client certificate (PEM)
  --tls-key <file>         client key (PEM)
  --tls-insecure           do not verify the server certificate
  --lock-duration <ms>     job lock; a dead worker's jobs rerun this long after (default 10000)
  --stalled-interval <ms>  how often to look for jobs of dead workers (default lock/2)
  --verbose                print a line per job
  --help                   this text
`;

function main(): void {
  const { values } = parseArgs({
    options: {
      redis: { type: 'string' },
      queue: { type: 'string' },
      prefix: { type: 'string' },
      concurrency: { type: 'string' },
      import: { type: 'string', multiple: true },
      password: { type: 'string' },
      username: { type: 'string' },
      tls: { type: 'boolean' },
      'tls-ca': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-insecure': { type: 'boolean' },
      'lock-duration': { type: 'string' },
      'stalled-interval': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const url = values.redis ?? process.env.SCIPORT_REDIS_URL;
  if (url === undefined) {
    process.stderr.write(`sciport-worker: --redis <url> is required.\n\n${HELP}`);
    process.exit(2);
  }
  const connection: Record<string, unknown> = {};
  const password = values.password ?? process.env.REDIS_PASSWORD;
  if (password !== undefined) connection.password = password;
  if (values.username !== undefined) connection.username = values.username;
  if (values.tls || values['tls-ca'] || values['tls-cert'] || values['tls-key'] || values['tls-insecure']) {
    const tls: Record<string, unknown> = {};
    if (values['tls-ca']) tls.ca = readFileSync(values['tls-ca']);
    if (values['tls-cert']) tls.cert = readFileSync(values['tls-cert']);
    if (values['tls-key']) tls.key = readFileSync(values['tls-key']);
    if (values['tls-insecure']) tls.rejectUnauthorized = false;
    connection.tls = tls;
  }
  const int = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) {
      process.stderr.write(`sciport-worker: --${name} must be a positive integer, got '${text}'.\n`);
      process.exit(2);
    }
    return n;
  };
  // Relative paths are taken from the working directory; bare names resolve as packages.
  const modules = packedMap(values.import ?? [], (m) => (m.startsWith('.') || m.startsWith('/') ? pathToFileURL(resolve(m)).href : m));
  const verbose = values.verbose === true;
  const log = (line: string) => process.stdout.write(`${line}\n`);

  startRedisWorker({
    url,
    connection,
    queue: values.queue,
    prefix: values.prefix,
    concurrency: int('concurrency', values.concurrency),
    modules,
    lockDuration: int('lock-duration', values['lock-duration']),
    stalledInterval: int('stalled-interval', values['stalled-interval']),
    log: verbose ? log : undefined,
    warn: (line) => process.stderr.write(`sciport-worker: ${line}\n`),
  }).then(
    (worker) => {
      log(`sciport-worker ready: pid ${process.pid}, queue ${worker.name}`);
      const stop = () => {
        // Finish the current job, then leave; a second signal exits at once.
        process.once('SIGINT', () => process.exit(130));
        process.once('SIGTERM', () => process.exit(143));
        worker.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error) => {
      process.stderr.write(`sciport-worker: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

main();

import type { RedisOptions } from 'ioredis';

/**
 * ioredis options from a `redis://` / `rediss://` URL plus pass-through options (password,
 * tls: { ca, cert, key }, …). Explicit options win over the URL.
 */
export function redisOptionsFrom(url: string, extra: Record<string, unknown> = {}): RedisOptions {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new TypeError(`Redis URL must start with redis:// or rediss://, got '${url}'.`);
  }
  const options: RedisOptions = {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port === '' ? 6379 : Number(parsed.port),
  };
  if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') options.password = decodeURIComponent(parsed.password);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '') options.db = Number(db);
  if (parsed.protocol === 'rediss:') options.tls = {};
  const merged: RedisOptions = { ...options, ...(extra as RedisOptions) };
  if (options.tls !== undefined && extra.tls !== undefined) merged.tls = { ...options.tls, ...(extra.tls as object) };
  return merged;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}

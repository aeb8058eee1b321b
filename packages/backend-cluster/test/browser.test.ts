import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The browser entry in headless Chromium: local clusters on Web Workers, with shared memory on
 * a cross-origin isolated page and with copies/transfers on a plain one. The built `dist`
 * folders are served from localhost; bare `@sciport/*` imports are rewritten to served paths
 * (import maps do not apply inside workers; a bundler does the same rewriting).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const packages = resolve(here, '../..');
const FOLDERS: Record<string, string> = {
  '@sciport/dispatch-core': 'dispatch-core',
  '@sciport/array-api': 'array-api',
  '@sciport/fft': 'sci-fft',
  '@sciport/ndimage': 'sci-ndimage',
  '@sciport/linalg': 'sci-linalg',
  '@sciport/backend-cluster': 'backend-cluster',
};
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json', '.wasm': 'application/wasm' };

/** The served path of a package's entry or subpath export, from its package.json `exports` (files under dist/). */
function servedPath(folder: string, sub: string | undefined): string {
  const { exports } = JSON.parse(readFileSync(join(packages, folder, 'package.json'), 'utf8'));
  const target = exports[sub === undefined ? '.' : `./${sub}`]?.default ?? `./dist/${sub ?? 'index'}.js`;
  return `/${folder}/${target.replace(/^\.\/dist\//, '')}`;
}

function rewrite(source: string): string {
  // `@sciport/fft/backend-kit` and other subpath exports map to the file their exports name.
  return source.replace(/(from\s*|import\s*\(?\s*)'(@sciport\/[a-z-]+)(?:\/([a-z-]+))?'/g, (all, lead: string, spec: string, sub?: string) =>
    FOLDERS[spec] ? `${lead}'${servedPath(FOLDERS[spec], sub)}'` : all,
  );
}

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = normalize(decodeURIComponent(url.pathname));
    const isolated = url.searchParams.get('isolated') === '1' || (req.headers.referer ?? '').includes('isolated=1');
    let file: string | undefined;
    if (path === '/' || path === '/index.html') file = join(here, 'browser/page.html');
    else {
      const [, folder, ...rest] = path.split('/');
      if (Object.values(FOLDERS).includes(folder)) file = join(packages, folder, 'dist', ...rest);
    }
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (isolated) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    const body = extname(file) === '.js' || extname(file) === '.html' ? rewrite(readFileSync(file, 'utf8')) : readFileSync(file);
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe('local clusters on Web Workers in headless Chromium', () => {
  let server: Server;
  beforeAll(async () => {
    for (const folder of Object.values(FOLDERS)) {
      if (!existsSync(join(packages, folder, 'dist/index.js'))) throw new Error(`packages/${folder}/dist is missing: run \`pnpm build\` first.`);
    }
    server = await serve();
  });
  afterAll(() => {
    server?.close();
  });

  for (const isolated of [true, false]) {
    it(`fft2 and gaussianFilter on a chunked array match the host (${isolated ? 'cross-origin isolated: SharedArrayBuffer' : 'not isolated: copies and transfers'})`, async () => {
      expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        const { port } = server.address() as AddressInfo;
        await page.goto(`http://127.0.0.1:${port}/${isolated ? '?isolated=1' : ''}`);
        await page.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, undefined, { timeout: 30_000 });
        const result = await page.evaluate(() => (window as { __result?: any }).__result);
        expect(errors).toEqual([]);
        expect(result.error).toBeUndefined();
        expect(result.isolated).toBe(isolated);
        expect(result.shared).toBe(isolated);
        expect(result.chunkedResult).toBe(true);
        expect(result.dtype).toBe('complex128');
        expect(result.err).toBeLessThan(1e-12);
        expect(result.progress).toBe(result.total);
        expect(result.redis).toBe('NotSupportedError');
        expect(result.haloExact).toBe(true);
      } finally {
        await browser.close();
      }
    }, 60_000);
  }
});

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The backend in headless Chromium (Debian's package, SwiftShader as the WebGPU adapter):
 * the built ESM `dist` folders are served from localhost with an import map, no bundler.
 * Playwright gives the browser a fresh temporary profile itself.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const packages = resolve(here, '../..');
const served = ['dispatch-core', 'array-api', 'sci-fft', 'sci-ndimage', 'sci-linalg', 'backend-webgpu'];
const CHROMIUM = '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file: string | undefined;
    if (path === '/' || path === '/index.html') file = join(here, 'browser/page.html');
    else {
      const [, pkg, ...rest] = path.split('/');
      if (served.includes(pkg)) file = join(packages, pkg, 'dist', ...rest);
    }
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe('WebGPU backend in headless Chromium', () => {
  let server: Server;
  beforeAll(async () => {
    for (const pkg of served) {
      if (!existsSync(join(packages, pkg, 'dist/index.js'))) throw new Error(`packages/${pkg}/dist is missing: run \`pnpm build\` first.`);
    }
    server = await serve();
  });
  afterAll(() => {
    server?.close();
  });

  it('runs an FFT through the backend and checks it against the host result', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu-sandbox',
        '--enable-unsafe-webgpu',
        '--enable-features=Vulkan',
        '--use-angle=swiftshader',
        '--use-webgpu-adapter=swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const { port } = server.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, undefined, { timeout: 50_000 });
      const result = await page.evaluate(() => (window as { __result?: any }).__result);
      expect(errors).toEqual([]);
      expect(result.error).toBeUndefined();
      expect(result.backend).toBe('webgpu');
      expect(result.isGPU).toBe(true);
      expect(result.dtype).toBe('complex64');
      expect(result.shape).toEqual([3, 48]);
      expect(result.relError).toBeLessThan(1e-5);
      expect(result.roundTripError).toBeLessThan(1e-5);
      expect(result.inUse).toBe(0);
    } finally {
      await browser.close();
    }
  });
});

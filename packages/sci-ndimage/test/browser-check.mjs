#!/usr/bin/env node
/**
 * Manual check (not part of the vitest suite): loads the built wasm runtime in headless
 * Chromium from a localhost server, with no file system and no bundler, and checks that
 * (1) on the main thread the filters start on the TypeScript kernels and switch to
 * wasm-simd once `wasmReady` resolves (Chrome forbids synchronous compiles over 4 KB
 * there), and (2) in a module worker wasm-simd is ready at import.
 *   pnpm --filter @sciport/ndimage build && node packages/sci-ndimage/test/browser-check.mjs
 * Needs Debian's /usr/bin/chromium and playwright-core (resolvable, or its entry file in
 * PLAYWRIGHT_CORE, e.g. the copy under node_modules/.pnpm).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const { chromium } = await import(process.env.PLAYWRIGHT_CORE ?? 'playwright-core');
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const probe = `
  import * as R from '/dist/wasm/runtime.js';
  export async function run() {
    const before = R.activeKernels();
    await R.wasmReady;
    const after = R.activeKernels();
    // one kernel call: round 1/3 to float32 in wasm memory
    const lent = R.borrow(16);
    const v = new Float64Array(lent.kernels.memory.buffer, lent.base, 2);
    v[0] = 1 / 3;
    lent.kernels.roundToFloat32(lent.base, 1);
    return { before, after, rounded: v[0] === Math.fround(1 / 3) };
  }`;
const files = {
  '/probe.js': probe,
  '/worker.js': `import { run } from '/probe.js'; run().then((r) => postMessage(r), (e) => postMessage({ error: String(e) }));`,
  '/index.html': `<!doctype html><script type="module">
  import { run } from '/probe.js';
  window.mainResult = run();
  window.workerResult = new Promise((resolve) => {
    const w = new Worker('/worker.js', { type: 'module' });
    w.onmessage = (e) => resolve(e.data);
  });
</script>`,
};
const types = { '.js': 'text/javascript', '.html': 'text/html' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost').pathname;
  try {
    const body = files[url] ?? (await readFile(join(packageDir, normalize(url))));
    res.writeHead(200, { 'content-type': types[extname(url)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  const main = await page.evaluate(() => window.mainResult);
  const worker = await page.evaluate(() => window.workerResult);
  console.log('main thread:', main);
  console.log('worker:', worker);
  const ok = main.before === 'typescript' && main.after === 'wasm-simd' && worker.before === 'wasm-simd' && main.rounded && worker.rounded;
  console.log(ok ? 'browser check passed' : 'browser check FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
  server.close();
}

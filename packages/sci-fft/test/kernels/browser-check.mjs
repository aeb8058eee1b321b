#!/usr/bin/env node
/**
 * Manual check (not part of the vitest suite): loads the built kernels in headless
 * Chromium from a localhost server, with no file system and no bundler, and checks that
 * (1) on the main thread they start on the TypeScript kernels and switch to wasm-simd
 * once `wasmReady` resolves (Chrome forbids synchronous compiles over 4 KB there), and
 * (2) in a module worker wasm-simd is ready at import. Both must agree with the
 * TypeScript kernels.
 *   pnpm --filter @sciport/fft build && node packages/sci-fft/test/kernels/browser-check.mjs
 * Needs Debian's /usr/bin/chromium and playwright-core (resolvable, or its entry file in
 * PLAYWRIGHT_CORE, e.g. the copy under node_modules/.pnpm).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const { chromium } = await import(process.env.PLAYWRIGHT_CORE ?? 'playwright-core');
const packages = fileURLToPath(new URL('../../../', import.meta.url));
const probe = `
  import * as K from '/sci-fft/dist/kernels/index.js';
  export async function run() {
    const before = K.activeKernels();
    await K.wasmReady;
    const after = K.activeKernels();
    const n = 1000;
    const x = new Float64Array(2 * n).map((_, i) => Math.sin(i * 0.37));
    const a = x.slice();
    K.complexPlan(n).execute(a, 0, true, 1);
    K.setWasmEnabled(false);
    const b = x.slice();
    K.complexPlan(n).execute(b, 0, true, 1);
    K.setWasmEnabled(true);
    let e = 0, s = 0;
    for (let i = 0; i < a.length; i++) { e += (a[i] - b[i]) ** 2; s += b[i] ** 2; }
    return { before, after, relErr: Math.sqrt(e / s) };
  }`;
const files = {
  '/probe.js': probe,
  '/worker.js': `import { run } from '/probe.js'; run().then((r) => postMessage(r), (e) => postMessage({ error: String(e) }));`,
  '/index.html': `<!doctype html><script type="importmap">{"imports":{"@sciport/dispatch-core":"/dispatch-core/dist/index.js"}}</script>
<script type="module">
  import { run } from '/probe.js';
  window.mainResult = run();
  window.workerResult = new Promise((resolve) => {
    // module workers get no import map; the server rewrites the kernels' one bare import
    const w = new Worker('/worker.js', { type: 'module' });
    w.onmessage = (e) => resolve(e.data);
  });
</script>`,
};
const types = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost').pathname;
  try {
    let body = files[url];
    if (body === undefined) {
      body = await readFile(join(packages, normalize(url)));
      // module workers have no import maps: rewrite the one bare specifier
      body = body.toString().replaceAll("from '@sciport/dispatch-core'", "from '/dispatch-core/dist/index.js'");
    }
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
  const ok =
    main.after === 'wasm-simd' && worker.before === 'wasm-simd' && main.relErr < 1e-14 && worker.relErr < 1e-14;
  console.log(ok ? 'browser check passed' : 'browser check FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
  server.close();
}

import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, reportOf } from './browser-page.js';
import { installConsumer, type PackedPackage, packAll, publishedPackages } from './scratch-project.js';

/**
 * Install and bundle, as a user would: every published package is packed, and a project
 * outside the workspace installs only those tarballs. Its programs are then type-checked
 * against the packed declarations, run in Node, and bundled by Vite and by esbuild for a page
 * that headless Chromium loads. publint and arethetypeswrong check each tarball.
 */

const run = promisify(execFile);
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

// Agreement with SciPy: double precision on host arrays and chunked arrays (the workers run the
// host code), single precision on the GPU.
const DOUBLE = 1e-12;
const SINGLE = 1e-5;

const ESM_ONLY_IGNORES: readonly string[] = ['node10', 'node16-cjs'];

const scratch = mkdtempSync(join(tmpdir(), 'sciport-consumer-'));
const app = join(scratch, 'app');
let packed: PackedPackage[] = [];

beforeAll(async () => {
  packed = await packAll(join(scratch, 'tarballs'));
  await installConsumer(app, packed);
}, 180_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** The numbers every program reports (see consumer/src/checks.ts). */
function expectReport(report: any, environment: { sharedMemory: boolean }): void {
  expect(report.error).toBeUndefined();
  expect(report.host.fft).toBeLessThan(DOUBLE);
  expect(report.host.fft2).toBeLessThan(DOUBLE);
  expect(report.host.gaussianFilter).toBeLessThan(DOUBLE);
  expect(report.host.solve).toBeLessThan(DOUBLE);
  expect(report.cluster.chunkedResult).toBe(true);
  expect(report.cluster.fft2).toBeLessThan(DOUBLE);
  expect(report.cluster.sharedMemory).toBe(environment.sharedMemory);
  // the cluster filters by halo exchange, with the host's arithmetic
  expect(report.cluster.gaussianFilter).toBeLessThan(DOUBLE);
  // the filters, morphology and solve run in WGSL; interpolation has no GPU kernels yet:
  // dispatch refuses, typed, instead of reading the data back behind the user's back.
  if (report.gpu.available) {
    expect(report.gpu.backend).toBe('webgpu');
    expect(report.gpu.isGPUArray).toBe(true);
    expect(report.gpu.fftRelativeError).toBeLessThan(SINGLE);
    expect(report.gpu.gaussianFilterRelativeError).toBeLessThan(SINGLE);
    expect(report.gpu.label).toBe('BackendNotImplementedError');
    expect(report.gpu.solveRelativeError).toBeLessThan(SINGLE);
  } else {
    expect(report.gpu.declined).toBe('DeviceError');
    expect(report.gpu.declinedIsSciportError).toBe(true);
  }
}

describe('the packed packages', () => {
  it('are every published package', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(publishedPackages().map((p) => p.name).sort());
    expect(packed.length).toBeGreaterThanOrEqual(8);
  });

  for (const { name } of publishedPackages()) {
    it(`${name}: publint reports nothing (suggestions included)`, async () => {
      const { tarball } = packed.find((p) => p.name === name)!;
      const bytes = readFileSync(tarball);
      const { messages, pkg } = await publint({
        pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer },
        level: 'suggestion',
        strict: true,
      });
      expect(messages.map((m) => formatMessage(m, pkg))).toEqual([]);
    });

    it(`${name}: arethetypeswrong finds no problem for ESM consumers (node16 from ESM, bundler)`, async () => {
      const { tarball } = packed.find((p) => p.name === name)!;
      const result = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
      expect(result.types).not.toBe(false);
      // `attw --profile esm-only`: the packages are ESM only, so `require` (node16-cjs) and
      // resolution without `exports` (node10) are out of scope.
      const problems = result.types === false ? [] : result.problems;
      const counted = problems.filter((p) => !('resolutionKind' in p && ESM_ONLY_IGNORES.includes(p.resolutionKind)));
      expect(counted).toEqual([]);
    }, 60_000);
  }
});

describe('a project that installs only the tarballs', () => {
  it('type-checks its Node and browser programs against the packed declarations (tsc --noEmit, no skipLibCheck)', async () => {
    const result = await run(bin('tsc'), ['-p', join(app, 'tsconfig.json')]).catch((e) => e);
    expect(result.stdout ?? '').toBe('');
  }, 90_000);

  it('runs in Node: fft, gaussianFilter, solve on the host; fft on the GPU (software adapter) and on worker threads', async () => {
    // Types stripped, nothing bundled: the imports resolve from the project's node_modules.
    await esbuild({
      entryPoints: [join(app, 'src/node-check.ts'), join(app, 'src/checks.ts'), join(app, 'src/expected.ts')],
      outdir: join(app, 'out-node'),
      format: 'esm',
      platform: 'node',
      logLevel: 'error',
    });
    const { stdout } = await run('node', [join(app, 'out-node/node-check.js')], { cwd: app, env: process.env, timeout: 60_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expectReport(report, { sharedMemory: true });
    // CI and the setup script provide the SwiftShader Vulkan driver, so Node has an adapter.
    if (process.env.VK_ICD_FILENAMES && existsSync(process.env.VK_ICD_FILENAMES)) expect(report.gpu.available).toBe(true);
  }, 90_000);

  describe('bundled for the browser, in headless Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('Vite: the cluster bundles its Web Worker by itself (cross-origin isolated page: shared memory)', async () => {
      await viteBuild({
        root: app,
        configFile: false,
        logLevel: 'error',
        build: { outDir: 'dist-vite', emptyOutDir: true },
      });
      const { report, errors } = await reportOf(browser, join(app, 'dist-vite'), true);
      expect(errors).toEqual([]);
      expectReport(report, { sharedMemory: true });
    }, 120_000);

    it('esbuild: the worker entry built beside the page and given as workerUrl (plain page: copies)', async () => {
      const outdir = join(app, 'dist-esbuild');
      await esbuild({
        entryPoints: [join(app, 'src/main-esbuild.ts'), join(app, 'src/sciport-worker.ts')],
        outdir,
        bundle: true,
        format: 'esm',
        platform: 'browser',
        logLevel: 'error',
      });
      copyFileSync(join(app, 'esbuild.html'), join(outdir, 'index.html'));
      const { report, errors } = await reportOf(browser, outdir, false);
      expect(errors).toEqual([]);
      expectReport(report, { sharedMemory: false });
    }, 120_000);
  });
});

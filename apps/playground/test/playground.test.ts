// The playground end to end in headless Chromium: the built page opens with its sample
// image, every panel runs on every backend, and each result either matches the host
// result pixel for pixel (within one grey level: the GPU computes in float32) or is
// refused with dispatch's reason. What the canvas holds is what the screen shows.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveStatic } from '../../../tooling/consumer-check/test/browser-page.js';
// @ts-expect-error plain ESM modules of the demo, without declarations
import { greyPng, sampleImage } from '../../../tooling/demo/pictures.mjs';
import { decodePng } from './png-decode.js';

const app = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'sciport-playground-'));
const PANELS = ['filters', 'morphology', 'geometry', 'spectrum', 'svd'];
const BACKENDS = ['host', 'webgpu', 'workers'];
/** Panels each backend runs today (the capability tables); others may run or be refused. */
const MUST_RUN: Record<string, string[]> = { host: PANELS, webgpu: ['filters', 'morphology', 'spectrum'], workers: ['filters', 'morphology', 'spectrum'] };

let browser: Browser;
let server: Server;
let page: Page;
const pageErrors: string[] = [];

interface Outcome {
  state: string;
  status: string;
  record: string;
  width: number;
  height: number;
  pixels: number[];
}

beforeAll(async () => {
  await build({ root: app, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  server = await serveStatic(out, false);
  browser = await launchChromium();
  page = await browser.newPage({ deviceScaleFactor: 1 });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(out, { recursive: true, force: true });
});

async function runPanel(panel: string): Promise<Outcome> {
  const section = `section[data-panel=${panel}]`;
  await page.click(`${section} button.run`);
  await page.waitForFunction((s) => !['idle', 'running'].includes(document.querySelector<HTMLElement>(s)?.dataset.state ?? ''), section, { timeout: 120_000 });
  return page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s)!;
    const canvas = el.querySelector('canvas')!;
    const pixels = canvas.width > 0 ? [...canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data] : [];
    return {
      state: el.dataset.state!,
      status: el.querySelector('.status')!.textContent ?? '',
      record: el.querySelector('pre')!.textContent ?? '',
      width: canvas.width,
      height: canvas.height,
      pixels,
    };
  }, section);
}

describe('playground in headless Chromium', () => {
  const host: Record<string, Outcome> = {};

  it('opens with the sample image, then opens a file the user picks', async () => {
    expect(await page.textContent('#input-size')).toContain('256 × 256');
    // A smaller picture keeps the software GPU adapter's share of the run short.
    const picked = join(out, 'picked.png');
    writeFileSync(picked, greyPng(sampleImage(96)));
    await page.setInputFiles('#file', picked);
    await page.waitForFunction(() => document.getElementById('input-size')?.textContent?.startsWith('96 × 96'));
  });

  for (const backend of BACKENDS) {
    it(`runs every panel on ${backend}`, async () => {
      await page.check(`input[name=backend][value=${backend}]`);
      await page.waitForFunction(() => !/^starting/.test(document.getElementById('backend-status')?.textContent ?? 'starting'), undefined, { timeout: 60_000 });
      const status = await page.textContent('#backend-status');
      expect(status, `${backend} did not start`).not.toMatch(/cannot start/);
      for (const panel of PANELS) {
        const outcome = await runPanel(panel);
        if (backend === 'host') host[panel] = outcome;
        if (MUST_RUN[backend]!.includes(panel)) expect(outcome.state, `${panel} on ${backend}: ${outcome.status}`).toBe('done');
        if (outcome.state === 'refused') {
          // Refused by dispatch with the reason, never run on the host behind the user's back.
          expect(outcome.record, `${panel} on ${backend}`).toMatch(/No backend could run|not|declin/i);
          continue;
        }
        expect(outcome.state, `${panel} on ${backend}: ${outcome.status}`).toBe('done');
        expect(outcome.status).toMatch(/\d ms on /);
        expect(outcome.record).toContain('→');
        const reference = host[panel]!;
        expect([outcome.width, outcome.height]).toEqual([reference.width, reference.height]);
        let worst = 0;
        for (let i = 0; i < reference.pixels.length; i++) worst = Math.max(worst, Math.abs(outcome.pixels[i]! - reference.pixels[i]!));
        expect(worst, `${panel} on ${backend}: largest grey-level difference from the host result`).toBeLessThanOrEqual(backend === 'host' ? 0 : 1);
      }
    }, 300_000);
  }

  it('shows on screen what the canvas holds', async () => {
    await page.check('input[name=backend][value=host]');
    const outcome = await runPanel('filters');
    const box = (await page.locator('section[data-panel=filters] canvas').boundingBox())!;
    const clip = { x: Math.round(box.x), y: Math.round(box.y), width: outcome.width, height: outcome.height };
    const shot = decodePng(await page.screenshot({ clip }));
    expect([shot.width, shot.height]).toEqual([outcome.width, outcome.height]);
    expect([...shot.data]).toEqual(outcome.pixels);
    expect(new Set(outcome.pixels).size, 'the filtered image is not blank').toBeGreaterThan(10);
  }, 120_000);

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

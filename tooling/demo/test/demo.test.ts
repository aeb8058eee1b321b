// `pnpm demo` end to end: the tour prints SciPy-style complex numbers, every call runs on
// the host with a timing, the other backends either time it or give dispatch's reason,
// and the HTML report holds the table and six decodable pictures.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM modules of the demo, without declarations
import { formatComplex, formatReal } from '../format.mjs';
// @ts-expect-error plain ESM modules of the demo, without declarations
import { encodePng } from '../png.mjs';

const demo = new URL('../demo.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sciport-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width, height and the unfiltered pixel rows of a PNG written by encodePng. */
function decodePng(png: Buffer): { width: number; height: number; raw: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  expect(png.toString('ascii', 37, 41)).toBe('IDAT');
  return { width, height, raw: inflateSync(png.subarray(41, 41 + idatLength)) };
}

describe('demo helpers', () => {
  it('writes complex numbers as NumPy does and hides rounding residue', () => {
    expect(formatComplex([4, -1e-17])).toBe('4+0j');
    expect(formatComplex([-1.5, -2.25])).toBe('-1.5-2.25j');
    expect(formatReal(-3e-9)).toBe('0');
  });

  it('encodes PNG pixels that decode to the same bytes', () => {
    const pixels = Uint8Array.from({ length: 3 * 2 * 3 }, (_, i) => (i * 37) % 256);
    const { width, height, raw } = decodePng(encodePng(pixels, 3, 2, 3));
    expect([width, height]).toEqual([3, 2]);
    expect([...raw]).toEqual([0, ...pixels.subarray(0, 9), 0, ...pixels.subarray(9)]);
  });
});

describe('pnpm demo', () => {
  it('runs every module on every backend and writes the HTML report', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [demo, '--report', dir], { timeout: 150_000 });
    expect(stdout).toContain('[0+0j, 0+0j, 4+0j, 0+0j, 0+0j, 0+0j, 4+0j, 0+0j]');
    const table = stdout.split('── The same calls on each backend')[1].split('\n── ')[0].trim().split('\n');
    const backends = table[1].trim().split(/\s+/);
    expect(backends[0]).toBe('host');
    const calls = ['fft2(image)', 'gaussianFilter', 'sobel', 'medianFilter', 'zoom', 'label', 'solve', 'svdvals'];
    for (const call of calls) {
      const row = table.find((line) => line.startsWith(call));
      expect(row, call).toBeDefined();
      const cells = (row as string).match(/\d[\d.]* ms|not run/g) ?? [];
      expect(cells, call).toHaveLength(backends.length);
      expect(cells[0], `${call} on the host`).toMatch(/ ms$/);
    }
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const name of backends) expect(html).toContain(`<th>${name}<br>`);
    const pictures = [...html.matchAll(/data:image\/png;base64,([^"]+)/g)].map((m) => Buffer.from(m[1], 'base64'));
    expect(pictures).toHaveLength(6);
    for (const png of pictures) {
      const { width, height, raw } = decodePng(png);
      expect([width, height]).toEqual([256, 256]);
      expect(raw.length).toBeGreaterThanOrEqual(256 * 257);
    }
  }, 180_000);
});

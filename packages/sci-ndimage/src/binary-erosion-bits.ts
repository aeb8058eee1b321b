/**
 * Bit-parallel passes of binary erosion and dilation: each line along the last axis is
 * packed 32 elements to a word, and a pass ANDs (erosion) or ORs (dilation) the lines the
 * structure reaches, each shifted by its column step, so one word operation handles 32
 * elements (the word-parallel morphology of van den Boomgaard and van Balen, "Methods for
 * fast morphological image transforms using bitmapped binary images", CVGIP 54(3), 1992).
 * Guard words and the bits past a line's end hold the border value, and lines outside the
 * array are a constant border line. A line is recomputed only when a line it reads changed
 * in the previous pass (otherwise it would come out unchanged).
 */
import type { ErosionSpec } from './erosion-spec.js';

/** The state after the packed passes: the values now and before the last pass, and the passes done. */
export interface BitPasses {
  readonly values: Uint8Array;
  readonly previous: Uint8Array;
  readonly passes: number;
  /** No further pass is wanted (the iterations are done or the last pass changed nothing). */
  readonly finished: boolean;
}

/** The structure's offsets grouped by the line they read. */
interface LineReads {
  /** Outer-axis steps (all axes but the last) of each group. */
  readonly outer: number[][];
  /** Line-index offset of each group. */
  readonly lineOffset: Int32Array;
  /** Column steps of each group. */
  readonly columns: number[][];
  readonly minColumn: number;
  readonly maxColumn: number;
}

function lineReads(spec: ErosionSpec): LineReads {
  const { shape, fshape, origins, structure } = spec;
  const nd = shape.length;
  const before = fshape.map((f, d) => Math.floor(f / 2) + origins[d]);
  const lineStride = new Array<number>(nd).fill(1);
  for (let d = nd - 3; d >= 0; d--) lineStride[d] = lineStride[d + 1] * shape[d + 1];
  const groups = new Map<string, { outer: number[]; columns: number[] }>();
  const fidx = new Array<number>(nd).fill(0);
  for (let k = 0; k < structure.length; k++) {
    if (structure[k] === 1) {
      const outer = fidx.slice(0, nd - 1).map((j, d) => j - before[d]);
      const key = outer.join();
      if (!groups.has(key)) groups.set(key, { outer, columns: [] });
      groups.get(key)?.columns.push(fidx[nd - 1] - before[nd - 1]);
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++fidx[d] < fshape[d]) break;
      fidx[d] = 0;
    }
  }
  const list = [...groups.values()];
  const all = list.flatMap((g) => g.columns);
  return {
    outer: list.map((g) => g.outer),
    lineOffset: Int32Array.from(list, (g) => g.outer.reduce((acc, v, d) => acc + v * lineStride[d], 0)),
    columns: list.map((g) => g.columns),
    minColumn: Math.min(0, ...all),
    maxColumn: Math.max(0, ...all),
  };
}

/**
 * Runs the passes of `spec` (nonzero values true) on packed lines until the iterations are done,
 * a pass changes nothing, or `handOver(changedLines, lines)` says an element-wise method
 * should go on from here. Returns null for inputs it does not take (0-D, or no structure element).
 */
export function erodeBits(values: Uint8Array, spec: ErosionSpec, handOver: (changedLines: number, lines: number) => boolean): BitPasses | null {
  const { shape } = spec;
  const nd = shape.length;
  if (nd === 0 || values.length === 0 || !spec.structure.includes(1)) return null;
  const reads = lineReads(spec);
  const n = shape[nd - 1];
  const lines = values.length / n;
  const words = (n + 31) >>> 5;
  // guard words either side: enough for the farthest column step (and the next word a shift reads)
  const guard = Math.max(-Math.floor(reads.minColumn / 32), Math.floor(reads.maxColumn / 32) + 1);
  const lineWords = words + 2 * guard;
  const borderWord = spec.borderValue === 1 ? -1 : 0;
  // bits of the last word that lie inside the line
  const tail = n % 32 === 0 ? -1 : (1 << n % 32) - 1;
  const pack = (src: Uint8Array, dst: Int32Array, fill: number, guardWords: number, stride: number) => {
    if (n % 32 === 0 && src.byteOffset % 4 === 0) {
      packQuads(src, dst, lines, words, guardWords, stride, fill);
      return;
    }
    for (let line = 0; line < lines; line++) {
      const base = line * stride;
      dst.fill(fill, base, base + stride);
      const first = base + guardWords;
      const k0 = line * n;
      for (let w = 0; w < words; w++) {
        let word = 0;
        const stop = Math.min(32, n - 32 * w);
        for (let b = 0, k = k0 + 32 * w; b < stop; b++, k++) word |= (src[k] !== 0 ? 1 : 0) << b;
        dst[first + w] = w === words - 1 ? (word & tail) | (fill & ~tail) : word;
      }
    }
  };
  let current = new Int32Array(lines * lineWords);
  pack(values, current, borderWord, guard, lineWords);
  let next = current.slice();
  const border = new Int32Array(lineWords).fill(borderWord);
  let mask: Int32Array | null = null;
  if (spec.mask !== null) {
    mask = new Int32Array(lines * words);
    pack(spec.mask, mask, 0, 0, words);
  }
  const erode = !spec.invert;
  const groups = reads.lineOffset.length;
  const outerLines = shape.slice(0, -1);
  // per line: the start of each group's line (or of the border line) in `current`
  const source = new Int32Array(lines * groups);
  const readsBorder = new Uint8Array(lines * groups);
  {
    const outer = new Array<number>(nd - 1).fill(0);
    for (let line = 0; line < lines; line++) {
      for (let g = 0; g < groups; g++) {
        const step = reads.outer[g];
        let inside = true;
        for (let d = 0; d < nd - 1; d++) {
          const c = outer[d] + step[d];
          if (c < 0 || c >= outerLines[d]) inside = false;
        }
        readsBorder[line * groups + g] = inside ? 0 : 1;
        source[line * groups + g] = inside ? (line + reads.lineOffset[g]) * lineWords + guard : guard;
      }
      for (let d = nd - 2; d >= 0; d--) {
        if (++outer[d] < outerLines[d]) break;
        outer[d] = 0;
      }
    }
  }
  const acc = new Int32Array(words);
  const dirty = new Uint8Array(lines).fill(1);
  const changed = new Uint8Array(lines);
  let passes = 0;
  let finished = false;
  let previous = current;
  for (;;) {
    let changedLines = 0;
    for (let line = 0; line < lines; line++) {
      const at = line * lineWords + guard;
      if (dirty[line] === 0) {
        next.set(current.subarray(at, at + words), at);
        changed[line] = 0;
        continue;
      }
      acc.fill(erode ? -1 : 0);
      for (let g = 0; g < groups; g++) {
        const src = readsBorder[line * groups + g] === 1 ? border : current;
        const base = source[line * groups + g];
        for (const dc of reads.columns[g]) {
          const q = dc >> 5;
          const r = dc & 31;
          const from = base + q;
          if (r === 0) {
            if (erode) for (let w = 0; w < words; w++) acc[w] &= src[from + w];
            else for (let w = 0; w < words; w++) acc[w] |= src[from + w];
          } else {
            const l = 32 - r;
            if (erode) for (let w = 0; w < words; w++) acc[w] &= (src[from + w] >>> r) | (src[from + w + 1] << l);
            else for (let w = 0; w < words; w++) acc[w] |= (src[from + w] >>> r) | (src[from + w + 1] << l);
          }
        }
      }
      let differs = 0;
      const m0 = line * words;
      for (let w = 0; w < words; w++) {
        let v = acc[w];
        // outside the mask the element keeps its value
        if (mask !== null) v = (v & mask[m0 + w]) | (current[at + w] & ~mask[m0 + w]);
        if (w === words - 1) v = (v & tail) | (borderWord & ~tail);
        next[at + w] = v;
        differs |= v ^ current[at + w];
      }
      changed[line] = differs !== 0 ? 1 : 0;
      changedLines += changed[line];
    }
    passes++;
    previous = current;
    current = next;
    next = previous;
    if (changedLines === 0 || (spec.iterations >= 1 && passes >= spec.iterations)) {
      finished = true;
      break;
    }
    if (handOver(changedLines, lines)) break;
    // a line must be recomputed when one it reads (or itself, under a mask) changed
    dirty.fill(0);
    for (let line = 0; line < lines; line++) {
      if (mask !== null && changed[line] === 1) dirty[line] = 1;
      for (let g = 0; g < groups && dirty[line] === 0; g++) {
        if (readsBorder[line * groups + g] === 0 && changed[line + reads.lineOffset[g]] === 1) dirty[line] = 1;
      }
    }
  }
  const result = unpack(current, n, lines, lineWords, guard);
  return { values: result, previous: finished ? result : unpack(previous, n, lines, lineWords, guard), passes, finished };
}

/** The bytes 0/1 of the four bits of a nibble, as one little-endian 32-bit word. */
const NIBBLE_BYTES = Int32Array.from({ length: 16 }, (_, v) => (v & 1) | ((v >> 1) & 1) << 8 | ((v >> 2) & 1) << 16 | ((v >> 3) & 1) << 24);

/**
 * `pack` for lines of whole words on 4-byte aligned bytes: four bytes at a time, each
 * nonzero byte turned into 0/1 (its high bit set by adding 0x7f to its low bits, or by
 * itself), the four 0/1 bytes gathered into a nibble by one multiplication whose partial
 * products land on distinct bits (bytes 0…3 at bits 28…31).
 */
function packQuads(src: Uint8Array, dst: Int32Array, lines: number, words: number, guardWords: number, stride: number, fill: number): void {
  const quads = new Int32Array(src.buffer, src.byteOffset, src.length >> 2);
  for (let line = 0, q = 0; line < lines; line++) {
    const base = line * stride;
    dst.fill(fill, base, base + stride);
    for (let w = 0, at = base + guardWords; w < words; w++, at++) {
      let word = 0;
      for (let b = 0; b < 32; b += 4, q++) {
        const v = quads[q];
        const ones = ((((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v) >>> 7) & 0x01010101;
        word |= (Math.imul(ones, 0x10204080) >>> 28) << b;
      }
      dst[at] = word;
    }
  }
}

function unpack(bits: Int32Array, n: number, lines: number, lineWords: number, guard: number): Uint8Array {
  const out = new Uint8Array(lines * n);
  if (n % 32 === 0) {
    // whole words: four bytes per nibble of a word
    const quads = new Int32Array(out.buffer);
    for (let line = 0, q = 0; line < lines; line++) {
      const first = line * lineWords + guard;
      for (let w = 0; w < n >>> 5; w++) {
        const word = bits[first + w];
        for (let b = 0; b < 32; b += 4, q++) quads[q] = NIBBLE_BYTES[(word >>> b) & 15];
      }
    }
    return out;
  }
  for (let line = 0, k = 0; line < lines; line++) {
    const first = line * lineWords + guard;
    for (let j = 0; j < n; j++, k++) out[k] = (bits[first + (j >>> 5)] >>> (j & 31)) & 1;
  }
  return out;
}

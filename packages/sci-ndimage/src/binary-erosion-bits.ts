/**
 * Bit-parallel passes of binary erosion and dilation: each line along the last axis is
 * packed 32 elements to a word, and a pass ANDs (erosion) or ORs (dilation) the lines the
 * structure reaches, each shifted by its column step, so one word operation handles 32
 * elements (the word-parallel morphology of van den Boomgaard and van Balen, "Methods for
 * fast morphological image transforms using bitmapped binary images", CVGIP 54(3), 1992).
 * Guard words and the bits past a line's end hold the border value, and lines outside the
 * array are border lines: the outer axes are padded with them, so a pass is a few sweeps
 * over whole planes. The shifted words of the structure's column steps are combined once
 * per pass (a row plane), then each line combines the rows of the lines it reads.
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
  /** Column steps of each group. */
  readonly columns: number[][];
  readonly minColumn: number;
  readonly maxColumn: number;
}

function lineReads(spec: ErosionSpec): LineReads {
  const { shape, fshape, origins, structure } = spec;
  const nd = shape.length;
  const before = fshape.map((f, d) => Math.floor(f / 2) + origins[d]);
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
  const layout = paddedLayout(shape, reads.outer);
  const { home } = layout;
  const groups = reads.outer.length;
  // the word offset of each group's line in the padded layout
  const groupOffset = Int32Array.from(reads.outer, (step) => step.reduce((acc, v, d) => acc + v * layout.lineStride[d], 0) * lineWords);
  // slack either end: the whole-layout sweeps below read up to a group's offset (and a guard) past it
  const slack = Math.max(0, ...Array.from(groupOffset, Math.abs)) + lineWords;
  const total = layout.lines * lineWords;
  const planeOf = () => new Int32Array(total + 2 * slack).fill(borderWord);
  // where line `line`'s first word lies
  const at = (line: number) => slack + home[line] * lineWords + guard;
  let current = planeOf();
  packLines(values, current, n, lines, words, at, tail, borderWord);
  let next = current.slice();
  let mask: Int32Array | null = null;
  if (spec.mask !== null) {
    mask = new Int32Array(lines * words);
    packLines(spec.mask, mask, n, lines, words, (line) => line * words, -1, 0);
  }
  const erode = !spec.invert;
  // Groups with the same column steps share one row plane per pass: each word combined over
  // those steps once, then each line combines one row word per group instead of one
  // shifted word per structure element (27 → 3 + 9 for a 3×3×3 box). Padding lines hold
  // the border word, and so do their rows (every shift of a constant line is that line).
  const rowSets = new Map<string, number>();
  const setColumns: Int32Array[] = [];
  const groupSet = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    const key = reads.columns[g].join();
    if (!rowSets.has(key)) {
      rowSets.set(key, setColumns.length);
      setColumns.push(Int32Array.from(reads.columns[g]));
    }
    groupSet[g] = rowSets.get(key) ?? 0;
  }
  // a set holding only the step 0 reads the lines as they are: its rows are the plane itself
  const plain = setColumns.map((columns) => columns.length === 1 && columns[0] === 0);
  const rows = setColumns.map((_, set) => (plain[set] ? current : new Int32Array(total + 2 * slack)));
  const acc = new Int32Array(total + 2 * slack);
  const from = slack;
  const to = slack + total;
  let passes = 0;
  let finished = false;
  let previous = current;
  for (;;) {
    for (let set = 0; set < setColumns.length; set++) {
      if (plain[set]) rows[set] = current;
      else combineRow(current, rows[set], setColumns[set], erode, from, to);
    }
    // the first group's rows start the combination (no identity fill)
    acc.set(rows[groupSet[0]].subarray(from + groupOffset[0], to + groupOffset[0]), from);
    for (let g = 1; g < groups; g++) combineShifted(acc, rows[groupSet[g]], groupOffset[g], erode, from, to);
    let changedLines = 0;
    for (let line = 0; line < lines; line++) {
      const first = at(line);
      let differs = 0;
      const m0 = line * words;
      for (let w = 0; w < words; w++) {
        let v = acc[first + w];
        // outside the mask the element keeps its value
        if (mask !== null) v = (v & mask[m0 + w]) | (current[first + w] & ~mask[m0 + w]);
        if (w === words - 1) v = (v & tail) | (borderWord & ~tail);
        next[first + w] = v;
        differs |= v ^ current[first + w];
      }
      if (differs !== 0) changedLines++;
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
  }
  const result = unpack(current, n, lines, at);
  return { values: result, previous: finished ? result : unpack(previous, n, lines, at), passes, finished };
}

/** Where the lines of an array lie once its outer axes are padded by the structure's reach. */
interface PaddedLayout {
  /** Padded line index of each line. */
  readonly home: Int32Array;
  /** Line-index strides of the padded outer axes. */
  readonly lineStride: readonly number[];
  /** Number of padded lines. */
  readonly lines: number;
}

function paddedLayout(shape: readonly number[], steps: readonly number[][]): PaddedLayout {
  const outer = shape.slice(0, -1);
  const reach = outer.map((_, d) => Math.max(0, ...steps.map((step) => Math.abs(step[d]))));
  const padded = outer.map((m, d) => m + 2 * reach[d]);
  const lineStride = new Array<number>(outer.length).fill(1);
  for (let d = outer.length - 2; d >= 0; d--) lineStride[d] = lineStride[d + 1] * padded[d + 1];
  const lines = outer.reduce((a, b) => a * b, 1);
  const home = new Int32Array(lines);
  const idx = new Array<number>(outer.length).fill(0);
  for (let line = 0; line < lines; line++) {
    home[line] = idx.reduce((acc, i, d) => acc + (i + reach[d]) * lineStride[d], 0);
    for (let d = outer.length - 1; d >= 0; d--) {
      if (++idx[d] < outer[d]) break;
      idx[d] = 0;
    }
  }
  return { home, lineStride, lines: padded.reduce((a, b) => a * b, 1) };
}

/** `row[i]` = the AND (erosion) or OR of `src` shifted by each column step, for i in from … to − 1. */
function combineRow(src: Int32Array, row: Int32Array, columns: Int32Array, erode: boolean, from: number, to: number): void {
  row.fill(erode ? -1 : 0, from, to);
  for (let c = 0; c < columns.length; c++) {
    const dc = columns[c];
    const r = dc & 31;
    const q = dc >> 5;
    if (r === 0) {
      if (erode) for (let i = from; i < to; i++) row[i] &= src[i + q];
      else for (let i = from; i < to; i++) row[i] |= src[i + q];
    } else {
      const l = 32 - r;
      if (erode) for (let i = from; i < to; i++) row[i] &= (src[i + q] >>> r) | (src[i + q + 1] << l);
      else for (let i = from; i < to; i++) row[i] |= (src[i + q] >>> r) | (src[i + q + 1] << l);
    }
  }
}

/** `acc[i]` ANDed (erosion) or ORed with `row[i + offset]`, for i in from … to − 1. */
function combineShifted(acc: Int32Array, row: Int32Array, offset: number, erode: boolean, from: number, to: number): void {
  if (erode) for (let i = from; i < to; i++) acc[i] &= row[i + offset];
  else for (let i = from; i < to; i++) acc[i] |= row[i + offset];
}

/**
 * Packs the C-order lines of `src` (nonzero = 1), 32 elements to a word, line `line` at
 * `dst[first(line)…]`; the bits of the last word past the line's end take `fill`'s.
 */
function packLines(src: Uint8Array, dst: Int32Array, n: number, lines: number, words: number, first: (line: number) => number, tail: number, fill: number): void {
  if (n % 32 === 0 && src.byteOffset % 4 === 0) {
    packQuads(src, dst, lines, words, first);
    return;
  }
  for (let line = 0; line < lines; line++) {
    const at = first(line);
    const k0 = line * n;
    for (let w = 0; w < words; w++) {
      let word = 0;
      const stop = Math.min(32, n - 32 * w);
      for (let b = 0, k = k0 + 32 * w; b < stop; b++, k++) word |= (src[k] !== 0 ? 1 : 0) << b;
      dst[at + w] = w === words - 1 ? (word & tail) | (fill & ~tail) : word;
    }
  }
}

/** The bytes 0/1 of the four bits of a nibble, as one little-endian 32-bit word. */
const NIBBLE_BYTES = Int32Array.from({ length: 16 }, (_, v) => (v & 1) | ((v >> 1) & 1) << 8 | ((v >> 2) & 1) << 16 | ((v >> 3) & 1) << 24);

/**
 * `pack` for lines of whole words on 4-byte aligned bytes: four bytes at a time, each
 * nonzero byte turned into 0/1 (its high bit set by adding 0x7f to its low bits, or by
 * itself), the four 0/1 bytes gathered into a nibble by one multiplication whose partial
 * products land on distinct bits (bytes 0…3 at bits 28…31).
 */
function packQuads(src: Uint8Array, dst: Int32Array, lines: number, words: number, first: (line: number) => number): void {
  const quads = new Int32Array(src.buffer, src.byteOffset, src.length >> 2);
  for (let line = 0, q = 0; line < lines; line++) {
    for (let w = 0, at = first(line); w < words; w++, at++) {
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

function unpack(bits: Int32Array, n: number, lines: number, first: (line: number) => number): Uint8Array {
  const out = new Uint8Array(lines * n);
  if (n % 32 === 0) {
    // whole words: four bytes per nibble of a word
    const quads = new Int32Array(out.buffer);
    for (let line = 0, q = 0; line < lines; line++) {
      const at = first(line);
      for (let w = 0; w < n >>> 5; w++) {
        const word = bits[at + w];
        for (let b = 0; b < 32; b += 4, q++) quads[q] = NIBBLE_BYTES[(word >>> b) & 15];
      }
    }
    return out;
  }
  for (let line = 0, k = 0; line < lines; line++) {
    const at = first(line);
    for (let j = 0; j < n; j++, k++) out[k] = (bits[at + (j >>> 5)] >>> (j & 31)) & 1;
  }
  return out;
}

import { DTYPE_INFO, type GPUDType } from '../dtypes.js';
import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { cast, load, PARAMS_DECL, storageDecl, store, stridedAddresses } from '../program/wgsl.js';

/**
 * Batched matrix product C = A·B, tiled: a 16×16 workgroup computes a (16·PER)² block of
 * C, each invocation PER×PER outputs held in registers (rows ty + 16i, columns tx + 16j,
 * so workgroup-memory reads are broadcasts or consecutive and the stores coalesce), with K
 * walked in tiles staged in workgroup memory (register and shared-memory blocking, e.g.
 * Volkov & Demmel, SC'08). PER is 8 for real types on matrices of at least 128 rows and
 * columns, else 4. A and B are read through their strides, so transposed views need no
 * copy, and batch dimensions broadcast (stride 0).
 */

const SIDE = 16; // 16 × 16 invocations

interface MatmulShape {
  /** Outputs per invocation along each side (4 or 8). */
  readonly per: number;
  readonly a: GPUDType;
  readonly b: GPUDType;
  /** Accumulator / compute dtype. */
  readonly acc: GPUDType;
  readonly out: GPUDType;
  readonly batchDims: number;
}

function programFor(s: MatmulShape): Program {
  const PER = s.per;
  const TILE = SIDE * PER;
  const TK = s.acc === 'complex64' || PER === 8 ? 8 : 16;
  const accT = DTYPE_INFO[s.acc].value;
  const mulAdd = (acc: string, x: string, y: string) =>
    s.acc === 'complex64' ? `${acc} = ${acc} + vec2<f32>(${x}.x * ${y}.x - ${x}.y * ${y}.y, ${x}.x * ${y}.y + ${x}.y * ${y}.x);` : `${acc} = ${acc} + ${x} * ${y};`;
  const zero = s.acc === 'complex64' ? 'vec2<f32>(0.0, 0.0)' : `${accT}(0)`;
  const nb = s.batchDims;
  // Params: M N K batchCount tilesM tilesN | aOff aRow aCol | bOff bRow bCol | batch shape | [0, A batch strides] | [0, B batch strides]
  const batchShapeAt = 12;
  const aBatchAt = batchShapeAt + nb;
  const bBatchAt = aBatchAt + 1 + nb;
  return {
    key: `matmul:${s.a},${s.b}>${s.acc}>${s.out}:${nb}:p${PER}`,
    workgroupSize: SIDE * SIDE,
    f16: s.a === 'float16' || s.b === 'float16' || s.out === 'float16',
    source: () => `${PARAMS_DECL}
${storageDecl(1, 'A', s.a, 'read')}
${storageDecl(2, 'B', s.b, 'read')}
${storageDecl(3, 'C', s.out, 'read_write')}
var<workgroup> As: array<${accT}, ${TILE * TK}>;
var<workgroup> Bs: array<${accT}, ${TILE * TK}>;
${entryHeader(SIDE * SIDE)}
  let M = P[0]; let N = P[1]; let K = P[2]; let batches = P[3]; let tilesM = P[4]; let tilesN = P[5];
  let perBatch = tilesM * tilesN;
  let bi = wg / perBatch;
  if (bi >= batches) { return; }
  let t = wg % perBatch;
  let row0 = (t / tilesN) * ${TILE}u;
  let col0 = (t % tilesN) * ${TILE}u;
${stridedAddresses(nb, 'bi', batchShapeAt, [aBatchAt, bBatchAt], [0, 1])}
  let aBase = bitcast<i32>(P[6]) + i32(a0);
  let bBase = bitcast<i32>(P[9]) + i32(a1);
  let aRow = bitcast<i32>(P[7]); let aCol = bitcast<i32>(P[8]);
  let bRow = bitcast<i32>(P[10]); let bCol = bitcast<i32>(P[11]);
  let ty = lid / ${SIDE}u; let tx = lid % ${SIDE}u;
  var acc: array<${accT}, ${PER * PER}>;
  for (var q = 0u; q < ${PER * PER}u; q++) { acc[q] = ${zero}; }
  for (var k0 = 0u; k0 < K; k0 += ${TK}u) {
    for (var e = lid; e < ${TILE * TK}u; e += ${SIDE * SIDE}u) {
      let r = e / ${TK}u; let kk = e % ${TK}u;
      let gr = row0 + r; let gk = k0 + kk;
      var v = ${zero};
      if (gr < M && gk < K) { v = ${cast(load('A', s.a, 'u32(aBase + i32(gr) * aRow + i32(gk) * aCol)'), s.a, s.acc)}; }
      As[kk * ${TILE}u + r] = v;
    }
    for (var e = lid; e < ${TILE * TK}u; e += ${SIDE * SIDE}u) {
      let kk = e / ${TILE}u; let c = e % ${TILE}u;
      let gk = k0 + kk; let gc = col0 + c;
      var v = ${zero};
      if (gk < K && gc < N) { v = ${cast(load('B', s.b, 'u32(bBase + i32(gk) * bRow + i32(gc) * bCol)'), s.b, s.acc)}; }
      Bs[kk * ${TILE}u + c] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${TK}u; kk++) {
      var av: array<${accT}, ${PER}>;
      var bv: array<${accT}, ${PER}>;
      for (var i = 0u; i < ${PER}u; i++) {
        av[i] = As[kk * ${TILE}u + ty + ${SIDE}u * i];
        bv[i] = Bs[kk * ${TILE}u + tx + ${SIDE}u * i];
      }
      for (var i = 0u; i < ${PER}u; i++) {
        for (var j = 0u; j < ${PER}u; j++) {
          ${mulAdd(`acc[i * ${PER}u + j]`, 'av[i]', 'bv[j]')}
        }
      }
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < ${PER}u; i++) {
    let r = row0 + ty + ${SIDE}u * i;
    for (var j = 0u; j < ${PER}u; j++) {
      let c = col0 + tx + ${SIDE}u * j;
      if (r < M && c < N) {
        ${store('C', s.out, `bi * M * N + r * N + c`, cast(`acc[i * ${PER}u + j]`, s.acc, s.out))}
      }
    }
  }
}
`,
  };
}

export interface MatmulOperands {
  /** Views of shape [...batch, M, K] and [...batch, K, N], batch already broadcast. */
  readonly a: GPUArray;
  readonly b: GPUArray;
  readonly acc: GPUDType;
  readonly out: GPUDType;
}

export function matmulKernel({ a, b, acc, out }: MatmulOperands): GPUArray {
  a.check();
  b.check();
  const nd = a.ndim;
  const M = a.shape[nd - 2];
  const K = a.shape[nd - 1];
  const N = b.shape[nd - 1];
  const batchShape = a.shape.slice(0, nd - 2);
  const batches = batchShape.reduce((x, y) => x * y, 1);
  const y = GPUArray.empty([...batchShape, M, N], out, a.storage.runtime);
  if (y.size === 0) return y;
  if (K === 0) {
    // An empty sum: zeros.
    const batch = new Batch(y.storage.runtime);
    batch.rawEncoder().clearBuffer(y.buffer);
    batch.submit();
    return y;
  }
  const per = acc !== 'complex64' && M >= 128 && N >= 128 ? 8 : 4;
  const TILE = SIDE * per;
  const tilesM = Math.ceil(M / TILE);
  const tilesN = Math.ceil(N / TILE);
  const params = new Params()
    .u(M)
    .u(N)
    .u(K)
    .u(batches)
    .u(tilesM)
    .u(tilesN)
    .i(a.offset)
    .i(a.stride[nd - 2])
    .i(a.stride[nd - 1])
    .i(b.offset)
    .i(b.stride[nd - 2])
    .i(b.stride[nd - 1])
    .many(batchShape)
    .i(0)
    .many(a.stride.slice(0, nd - 2), true)
    .i(0)
    .many(b.stride.slice(0, nd - 2), true);
  const batch = new Batch(y.storage.runtime);
  batch.dispatch(
    programFor({ per, a: a.dtype, b: b.dtype, acc, out, batchDims: batchShape.length }),
    params,
    [a.buffer, b.buffer, y.buffer],
    batches * tilesM * tilesN,
  );
  batch.submit();
  return y;
}

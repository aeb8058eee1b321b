import { GPUArray } from '../gpu-array.js';
import { Batch } from '../program/batch.js';
import { Params } from '../program/params.js';
import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL } from '../program/wgsl.js';

/**
 * Binary erosion / dilation of a C-contiguous bool array (0/1 words), SciPy's rule: an element
 * becomes the deciding value (false for erosion, true for dilation) when one element under the
 * structure has it, else the other; elements beyond the edges hold `borderValue`; elements
 * where the mask is false keep their value. Passes are synchronous (each reads the previous
 * pass's result).
 *
 * The first pass runs over the whole array in parallel, and so do up to PARALLEL_PASSES
 * counted passes (one dispatch each). More passes — a larger count, or until a pass changes
 * nothing — run in one dispatch of a single workgroup that loops on the device:
 * each pass writes the other of two buffers, the invocations flag a change in workgroup
 * memory, and the loop ends when a pass changed nothing (then both buffers hold the result)
 * or after the count. No value travels to the host between passes.
 */

const WG = 256;
/** Counted passes up to this many run as parallel dispatches; more loop in one workgroup. */
const PARALLEL_PASSES = 64;
/** Params words before the shape: n, border value, passes (0: until stable), tap count. */
const HEADER = 4;

/** WGSL: `fn erode_<src>(i: u32) -> u32`, the new value of element i from buffer `src`. */
function ruleWgsl(ndim: number, dilate: boolean, src: string): string {
  const tapBase = HEADER + ndim;
  const unravel: string[] = [];
  for (let d = ndim - 1; d >= 0; d--) unravel.push(`  let i${d} = i32(rem % P[${HEADER + d}]); rem = rem / P[${HEADER + d}];`);
  const gather: string[] = [];
  for (let d = 0; d < ndim; d++) {
    gather.push(`    let c${d} = i${d} + bitcast<i32>(P[at + ${d}u]);`);
    gather.push(`    inside = inside && c${d} >= 0 && c${d} < i32(P[${HEADER + d}]);`);
    gather.push(`    addr = addr * i32(P[${HEADER + d}]) + c${d};`);
  }
  const stop = dilate ? '1u' : '0u';
  return `fn rule_${src}(i: u32) -> u32 {
  var rem = i;
${unravel.join('\n')}
  for (var t: u32 = 0u; t < P[3]; t = t + 1u) {
    let at = ${tapBase}u + t * ${Math.max(ndim, 1)}u;
    var inside = true;
    var addr: i32 = 0;
${gather.join('\n')}
    var v = P[1];
    if (inside) { v = ${src}[u32(addr)]; }
    if (v == ${stop}) { return ${stop}; }
  }
  return 1u - ${stop};
}`;
}

function decls(masked: boolean): string {
  return `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read_write> A: array<u32>;
@group(0) @binding(2) var<storage, read_write> B: array<u32>;
${masked ? '@group(0) @binding(3) var<storage, read> M: array<u32>;' : ''}`;
}

/** One pass A → B over all elements in parallel. */
function passProgram(ndim: number, dilate: boolean, masked: boolean): Program {
  return {
    key: `binaryErosionPass:${ndim}:${dilate}:${masked}`,
    workgroupSize: WG,
    source: () => `${decls(masked)}
${ruleWgsl(ndim, dilate, 'A')}
${entryHeader(WG)}
  if (gid >= P[0]) { return; }
  ${masked ? 'if (M[gid] == 0u) { B[gid] = A[gid]; return; }' : ''}
  B[gid] = rule_A(gid);
}
`,
  };
}

/** One step of the loop: every element from `src` into `dst`, flagging a change. */
function stepWgsl(src: string, dst: string, masked: boolean): string {
  return `    for (var i = lid; i < P[0]; i = i + ${WG}u) {
      ${masked ? `if (M[i] == 0u) { ${dst}[i] = ${src}[i]; continue; }` : ''}
      let v = rule_${src}(i);
      if (v != ${src}[i]) { atomicStore(&changed, 1u); }
      ${dst}[i] = v;
    }`;
}

/** Further passes in one workgroup, starting from B; the result ends in B. */
function loopProgram(ndim: number, dilate: boolean, masked: boolean): Program {
  return {
    key: `binaryErosionLoop:${ndim}:${dilate}:${masked}`,
    workgroupSize: WG,
    source: () => `${decls(masked)}
var<workgroup> changed: atomic<u32>;
var<workgroup> changedLast: u32;
${ruleWgsl(ndim, dilate, 'A')}
${ruleWgsl(ndim, dilate, 'B')}
@compute @workgroup_size(${WG})
fn main(@builtin(local_invocation_index) lid: u32) {
  var done: u32 = 0u;
  loop {
    if (P[2] != 0u && done >= P[2]) { break; }
    if (lid == 0u) { atomicStore(&changed, 0u); }
    workgroupBarrier();
    if ((done & 1u) == 0u) {
${stepWgsl('B', 'A', masked)}
    } else {
${stepWgsl('A', 'B', masked)}
    }
    storageBarrier();
    workgroupBarrier();
    if (lid == 0u) { changedLast = atomicLoad(&changed); }
    done = done + 1u;
    if (workgroupUniformLoad(&changedLast) == 0u) { break; }
  }
  // an odd number of passes ended in A: bring the result to B
  if ((done & 1u) == 1u) {
    for (var i = lid; i < P[0]; i = i + ${WG}u) { B[i] = A[i]; }
  }
}
`,
  };
}

export interface BinaryErosionSpec {
  /** Per tap (the structure's true elements, C order), its offset from the element along every axis. */
  readonly offsets: readonly (readonly number[])[];
  readonly borderValue: 0 | 1;
  readonly dilate: boolean;
  /** Passes: a count ≥ 1, or 0 for until a pass changes nothing. */
  readonly passes: number;
  /** Elements that may change (a C-contiguous bool array of x's shape), or null for all. */
  readonly mask: GPUArray | null;
}

/** Erode (dilate) `x`, a C-contiguous bool GPU array: a new bool array of its shape. */
export function binaryErosion(x: GPUArray, spec: BinaryErosionSpec): GPUArray {
  x.check();
  const rt = x.storage.runtime;
  const y = GPUArray.empty(x.shape, 'bool', rt);
  const n = y.size;
  if (n === 0) return y;
  const masked = spec.mask !== null;
  const params = new Params().u(n).u(spec.borderValue).u(spec.passes === 0 ? 0 : spec.passes - 1).u(spec.offsets.length).many(x.shape);
  for (const offset of spec.offsets) params.many(x.ndim === 0 ? [0] : offset, true);
  const batch = new Batch(rt);
  // the bindings take whole buffers: offset views are copied by the caller first
  const buffers = masked ? [x.buffer, y.buffer, (spec.mask as GPUArray).buffer] : [x.buffer, y.buffer];
  batch.dispatch(passProgram(x.ndim, spec.dilate, masked), params, buffers, Math.ceil(n / WG));
  const maskBuffers = masked ? [(spec.mask as GPUArray).buffer] : [];
  if (spec.passes > 1 && spec.passes <= PARALLEL_PASSES) {
    // ping-pong between y and a scratch buffer, ending in y
    const scratch = batch.scratch(n * 4);
    let [src, dst] = [y.buffer, scratch];
    for (let pass = 1; pass < spec.passes; pass++) {
      batch.dispatch(passProgram(x.ndim, spec.dilate, masked), params, [src, dst, ...maskBuffers], Math.ceil(n / WG));
      [src, dst] = [dst, src];
    }
    if (src !== y.buffer) batch.copy(src, 0, y.buffer, 0, n * 4);
  } else if (spec.passes !== 1) {
    // the loop writes A as scratch: it must not be the caller's input
    const scratch = batch.scratch(n * 4);
    batch.dispatch(loopProgram(x.ndim, spec.dilate, masked), params, masked ? [scratch, y.buffer, (spec.mask as GPUArray).buffer] : [scratch, y.buffer], 1);
  }
  batch.submit();
  return y;
}

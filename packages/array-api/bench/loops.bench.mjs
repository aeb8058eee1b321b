// Own elementwise/reduction loops vs ndarray-ops on the same NDArrays (run after building):
//   node packages/array-api/bench/loops.bench.mjs
// Each figure is the best of 5 rounds of 10 calls; ndarray-ops gets a freshly allocated
// output each call, as our functions allocate theirs.
import ops from 'ndarray-ops';
import { asarray, hostNamespace as xp } from '../dist/index.js';

const n = 1 << 20;
const a = asarray(Float64Array.from({ length: n }, Math.random));
const b = asarray(Float64Array.from({ length: n }, Math.random));
const m = xp.reshape(a, [1024, 1024]);
const mt = m.mT;

const pairs = {
  'add, contiguous': [() => xp.add(a, b), () => ops.add(xp.empty([n]), a, b)],
  'add, one operand transposed': [() => xp.add(mt, m), () => ops.add(xp.empty([1024, 1024]), mt, m)],
  'multiply by scalar': [() => xp.multiply(a, 2), () => ops.muls(xp.empty([n]), a, 2)],
  sin: [() => xp.sin(a), () => ops.sin(xp.empty([n]), a)],
  'sum (ours pairwise, ops naive)': [() => xp.sum(a), () => ops.sum(a)],
};

function best(f) {
  let t = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    f();
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) f();
    t = Math.min(t, (performance.now() - t0) / 10);
  }
  return t;
}

console.log(`n = ${n} float64 elements`);
console.log('case'.padEnd(34), 'ours ms', ' ndarray-ops ms', ' ratio');
for (const [name, [ours, theirs]] of Object.entries(pairs)) {
  const o = best(ours);
  const t = best(theirs);
  console.log(name.padEnd(34), o.toFixed(3).padStart(7), t.toFixed(3).padStart(15), (o / t).toFixed(2).padStart(6));
}

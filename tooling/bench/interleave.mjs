/**
 * Timing shared by the benchmarks that compare us with a Python peer (SciPy) on a busy
 * machine. Figures are CPU time of the measuring process (user + system: Node's
 * process.cpuUsage, Python's time.process_time), which leaves out the time a process
 * waits for a core while other jobs run. One long-lived python3 process answers "time
 * this case" requests over a pipe, so each case is timed on both sides back to back, the
 * two sides alternating which goes first from round to round, and a figure is the median
 * over the rounds: a burst of other work on the machine then falls on both sides alike
 * instead of on one side's whole run.
 *
 * A sample times enough calls to last >= `sampleMs` (one call for slow cases). The first
 * sample of a case is preceded by a warm-up (JIT tiers, caches) of >= `warmMs` and >= 1 call,
 * unless the case asks for none (`warm: false`: a large size of code already warmed on
 * smaller ones, where the median over the rounds discounts a slower first sample).
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Puts glibc's malloc (under V8's ArrayBuffers too) in the state of any process that has
 * already used a large array, as the Python side does too: allocating and freeing a 31 MB
 * block raises its mmap threshold, so arrays up to that size come from the heap instead
 * of fresh pages (on a VM, page faults alone can double a filter's time).
 */
export function warmAllocator() {
  new Float64Array(31 << 17).fill(1);
  collectGarbage();
}

let gc = null;
/**
 * A full garbage collection now (untimed), so that a sample does not pay for the garbage
 * earlier cases left (e.g. the 128 MB planes of a 4096² case before a 256² one).
 */
export function collectGarbage() {
  if (gc === null) {
    v8.setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc');
  }
  gc();
}

/** Median of the numbers (null entries left out); null when there are none. */
export function median(values) {
  const v = values.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * Seconds of CPU time (user + system, all threads of the process) since `since`, or the
 * current reading. On a machine shared with other jobs this leaves out the time the
 * process waited for a core, which wall-clock time includes.
 */
function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * A sampler for JS functions with the same rule as the Python side: `sample(key, fn)`
 * returns CPU seconds per call (see cpuSeconds); the first sample of `key` warms up and
 * fixes the repetition count.
 */
export function jsSampler({ sampleMs, warmMs }) {
  const reps = new Map();
  return function sample(key, fn, warm = true) {
    if (!reps.has(key) && !warm) {
      const t0 = performance.now();
      const c0 = cpuSeconds();
      fn();
      const cpu = cpuSeconds() - c0;
      reps.set(key, Math.max(1, Math.ceil(sampleMs / Math.max(performance.now() - t0, 1e-6))));
      return cpu;
    }
    if (!reps.has(key)) {
      const t0 = performance.now();
      let calls = 0;
      while (calls < 1 || performance.now() - t0 < warmMs) {
        fn();
        calls++;
      }
      const perCall = (performance.now() - t0) / calls;
      reps.set(key, Math.max(1, Math.ceil(sampleMs / Math.max(perCall, 1e-6))));
    }
    const n = reps.get(key);
    const c0 = cpuSeconds();
    for (let i = 0; i < n; i++) fn();
    return (cpuSeconds() - c0) / n;
  };
}

const SERVER = `
import json, os, sys, time
def _serve(make, sample_ms, warm_ms):
    import numpy
    numpy.ones(31 << 17)  # the same allocator state as the Node side (see warmAllocator)
    reps = {}
    out = sys.stdout
    for line in sys.stdin:
        req = json.loads(line)
        try:
            fn = make(req["case"])
            key = req["key"]
            if key not in reps and not req.get("warm", True):
                t0 = time.perf_counter(); c0 = time.process_time(); fn()
                cpu = time.process_time() - c0; per = time.perf_counter() - t0
                reps[key] = max(1, int(-(-sample_ms / 1000 // max(per, 1e-9))))
                out.write(json.dumps({"seconds": cpu}) + "\\n"); out.flush()
                continue
            if key not in reps:
                t0 = time.perf_counter(); calls = 0
                while calls < 1 or time.perf_counter() - t0 < warm_ms / 1000:
                    fn(); calls += 1
                per = (time.perf_counter() - t0) / calls
                reps[key] = max(1, int(-(-sample_ms / 1000 // max(per, 1e-9))))
            n = reps[key]
            c0 = time.process_time()
            for _ in range(n): fn()
            res = {"seconds": (time.process_time() - c0) / n}
        except Exception as e:
            res = {"error": f"{type(e).__name__}: {e}"}
        out.write(json.dumps(res) + "\\n"); out.flush()
`;

/**
 * Starts python3 with `code`, which must define `make(case) -> zero-argument callable`
 * (and may print a first JSON line of version info through `hello()`: see below). Returns
 * `{ info, sample(key, case), close() }`, or `{ note }` when python3 (or an import) fails.
 * `env` adds environment variables (e.g. OPENBLAS_NUM_THREADS=1).
 */
export async function startPython(code, { sampleMs, warmMs, env = {} }) {
  const program = `${SERVER}\n${code}\nimport json as _j, sys as _s\n_s.stdout.write(_j.dumps(hello()) + "\\n"); _s.stdout.flush()\n_serve(make, ${sampleMs}, ${warmMs})\n`;
  const child = spawn('python3', ['-c', program], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const lines = createInterface({ input: child.stdout });
  const queue = [];
  const waiting = [];
  let closed = false;
  lines.on('line', (l) => (waiting.length ? waiting.shift()(l) : queue.push(l)));
  const ended = new Promise((resolve) =>
    child.on('close', () => {
      closed = true;
      for (const w of waiting.splice(0)) w(null);
      resolve();
    }),
  );
  child.on('error', () => {});
  const next = () => (queue.length ? Promise.resolve(queue.shift()) : closed ? Promise.resolve(null) : new Promise((r) => waiting.push(r)));
  const first = await next();
  if (first === null) return { note: `SciPy skipped: python3 with numpy and scipy not available (${stderr.trim().split('\n').pop() ?? 'no output'}).` };
  const info = JSON.parse(first);
  return {
    info,
    async sample(key, c, warm = true) {
      child.stdin.write(`${JSON.stringify({ key, case: c, warm })}\n`);
      const line = await next();
      if (line === null) throw new Error(`python3 exited: ${stderr.trim().split('\n').pop()}`);
      const res = JSON.parse(line);
      if (res.error) throw new Error(res.error);
      return res.seconds;
    },
    async close() {
      child.stdin.end();
      await ended;
    },
  };
}

/** One-minute load average and core count, for the section headers (the machine is shared). */
export function loadNote(os) {
  return `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores when the run ended`;
}

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Process-level teardown: Dawn used to crash (SIGSEGV, SIGABRT) or hang at exit in a few of
 * every ten runs when destroyWebGPU() was called with GPU work pending, so each script runs
 * many times in fresh Node processes. The scripts import the built package (`pnpm build`).
 */

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** The environment of a headless machine: no XDG_RUNTIME_DIR, the SwiftShader adapter unless one is set. */
function headlessEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.XDG_RUNTIME_DIR;
  env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
  return env;
}

function runScript(script: string, timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: fixtures, env: headlessEnv() });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr });
    });
  });
}

/** Run `script` `times` times, `parallel` processes at once. */
async function runMany(script: string, times: number, parallel: number): Promise<Run[]> {
  const runs: Run[] = [];
  let started = 0;
  const lane = async () => {
    while (started < times) {
      started += 1;
      runs.push(await runScript(script));
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return runs;
}

/** What a clean run looks like, for an assertion that shows every bad run. */
const clean = { code: 0, signal: null, timedOut: false, stderr: '' };
const outcome = ({ code, signal, timedOut, stderr }: Run) => ({ code, signal, timedOut, stderr });

describe('destroyWebGPU() in a process', () => {
  it('exits cleanly 30 times in 30 with results never read and a read in flight', async () => {
    const runs = await runMany('unread-results.mjs', 30, 3);
    expect(runs).toHaveLength(30);
    expect(runs.map(outcome)).toEqual(Array.from({ length: 30 }, () => clean));
    expect(runs.map((run) => run.stdout)).toEqual(Array.from({ length: 30 }, () => ''));
  }, 240_000);

  it('prints nothing on stderr for init, fft, read back and destroy without XDG_RUNTIME_DIR', async () => {
    const run = await runScript('round-trip.mjs');
    expect(outcome(run)).toEqual(clean);
    // numpy.fft.fft([1, 2, 3, 4]) as complex64, interleaved (re, im).
    expect(JSON.parse(run.stdout)).toEqual([10, 0, -2, 2, -2, 0, -2, -2]);
  });
});

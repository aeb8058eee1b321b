import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderCapabilities } from '../capabilities.mjs';

it('capabilities.md is what probing the backend gives now (else run its capabilities script)', () => {
  const committed = readFileSync(new URL('../capabilities.md', import.meta.url), 'utf8');
  const table = renderCapabilities();
  expect(committed, 'stale: run `pnpm --filter @sciport-examples/backend-fftjs capabilities` and commit it').toBe(table);
  // the probe can fail: fft.js must run the dtype it is for
  expect(table).toMatch(/\| `fft` \| complex128 \|/);
  expect(table).toMatch(/\| `ifft` \| complex128 \|/);
});

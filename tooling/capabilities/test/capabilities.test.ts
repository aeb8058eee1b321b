import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { collectCapabilities } from '../collect.mjs';
import { withProbeKinds } from '../kinds.mjs';
import { renderCapabilities } from '../render.mjs';

// docs/capabilities.md is generated: it must say what the backends do today.
it('docs/capabilities.md is what probing the backends gives now (else run `pnpm capabilities`)', async () => {
  const markdown = renderCapabilities(await withProbeKinds(collectCapabilities));
  const committed = readFileSync(new URL('../../../docs/capabilities.md', import.meta.url), 'utf8');
  expect(committed, 'docs/capabilities.md is stale: run `pnpm capabilities` and commit it').toBe(markdown);
  // The probe can fail: a backend that claims a function must have run it for some dtype.
  expect(markdown).not.toContain('claimed, ran for no dtype');
}, 120_000);

// Reads docs/capabilities.md, the generated table of which backend runs which function for
// which dtypes (kept current by its own staleness test), so the API reference and the SciPy
// map name the backends of each function without probing them again.
import { readFileSync } from 'node:fs';

export const CAPABILITIES_FILE = new URL('../../docs/capabilities.md', import.meta.url);

/**
 * Map of domain (`sciport.fft`) to map of function name to its cells, in the table's column
 * order: [{ backend: 'default', dtypes: 'all 13' }, …]. Functions without an array argument
 * (always the default backend) get `[{ backend: 'default', dtypes: 'no array argument' }]`.
 */
export function readCapabilities(markdown = readFileSync(CAPABILITIES_FILE, 'utf8')) {
  const domains = new Map();
  let domain;
  let columns = [];
  for (const line of markdown.split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) {
      domain = new Map();
      domains.set(heading[1], domain);
      continue;
    }
    if (domain === undefined) continue;
    const cells = line.startsWith('|') ? line.slice(1, -1).split('|').map((c) => c.trim()) : undefined;
    if (cells?.[0] === 'function') columns = cells.slice(1);
    else if (cells && /^`\w+`$/.test(cells[0])) {
      domain.set(
        cells[0].slice(1, -1),
        columns.map((backend, i) => ({ backend, dtypes: cells[i + 1] })),
      );
    } else if (line.startsWith('Without an array argument')) {
      for (const [, name] of line.matchAll(/`(\w+)`/g)) domain.set(name, [{ backend: 'default', dtypes: 'no array argument' }]);
    }
  }
  return domains;
}

/** The backends that run a function (cells other than `—`), e.g. `default, webgpu, cluster`. */
export function runningBackends(cells) {
  return cells.filter((c) => c.dtypes !== '—').map((c) => c.backend);
}

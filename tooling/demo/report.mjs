// The demo's HTML report: the side-by-side timings and pictures of what the calls
// computed, for readers who would rather look than read. One self-contained file
// (pictures inlined as PNG data URLs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMs } from './format.mjs';

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function cellHtml(cell) {
  if (!cell) return '<td></td>';
  if (cell.refused) return `<td class="refused" title="${escapeHtml(cell.refused)}">not run</td>`;
  return `<td>${formatMs(cell.ms)} ms<br><small>rel. diff ${cell.difference.toExponential(1)}</small></td>`;
}

/** Writes `<dir>/index.html` and returns its path. */
export function writeReport(dir, { rows, backends, skipped, pictures, environment }) {
  mkdirSync(dir, { recursive: true });
  const head = backends.map((b) => `<th>${escapeHtml(b.name)}<br><small>${escapeHtml(b.detail)}</small></th>`).join('');
  const body = rows
    .map(({ operation, cells }) => `<tr><th>${escapeHtml(operation.module)}</th><td><code>${escapeHtml(operation.call)}</code></td>${backends.map((b) => cellHtml(cells[b.name])).join('')}</tr>`)
    .join('\n');
  const refusals = rows.flatMap(({ operation, cells }) =>
    backends.filter((b) => cells[b.name]?.refused).map((b) => `<li><code>${escapeHtml(operation.call)}</code> on ${escapeHtml(b.name)}: ${escapeHtml(cells[b.name].refused)}</li>`),
  );
  const figures = pictures
    .map((p) => `<figure><img src="data:image/png;base64,${p.png.toString('base64')}" alt="${escapeHtml(p.title)}"><figcaption>${escapeHtml(p.title)}</figcaption></figure>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sciport demo report</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
td.refused { color: #888; } small { color: #666; }
figure { display: inline-block; margin: .5rem; } img { width: 256px; image-rendering: pixelated; border: 1px solid #ccc; }
</style></head><body>
<h1>sciport demo</h1>
<p>${escapeHtml(environment)}</p>
<h2>The same calls on each backend</h2>
<p>Median of 3 runs after a warm-up, reading the result back to host memory each time (so GPU and worker
times include the transfer). "rel. diff": max |result − host result| / max |host result|; the GPU computes in float32.</p>
<table><tr><th>module</th><th>call</th>${head}</tr>
${body}
</table>
${refusals.length ? `<h3>Not run, with dispatch's reason</h3><ul>${refusals.join('\n')}</ul>` : ''}
${skipped.length ? `<h3>Backends that did not start here</h3><ul>${skipped.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : ''}
<h2>What the calls computed</h2>
${figures}
</body></html>
`;
  const path = join(dir, 'index.html');
  writeFileSync(path, html);
  return path;
}

// Everything the API reference says about each function of sciport.fft, sciport.ndimage and
// sciport.linalg beyond its doc comment, generated rather than written by hand: its SciPy
// name and SciPy's one-line summary, its option keys (from the domain's table), its dtype
// rules (run on the host), an example (run, with its real result) and the backends that run
// it (docs/capabilities.md).
import { readFileSync } from 'node:fs';
import { dtypeList } from '@sciport/capabilities/render.mjs';
import * as fft from '@sciport/fft';
import * as linalg from '@sciport/linalg';
import * as ndimage from '@sciport/ndimage';
import { readCapabilities } from './capability-table.mjs';
import { collectDtypeRules } from './dtype-rules.mjs';
import { fftExample, linalgExample, ndimageExample } from './examples.mjs';
import { runExample } from './run-example.mjs';

/** The three SciPy domains: their package, exports, table and example maker. */
export const DOMAINS = [
  { module: 'fft', domain: fft.FFT_DOMAIN, packageName: '@sciport/fft', exports: fft, rows: fft.FFT_FUNCTIONS, example: fftExample },
  { module: 'ndimage', domain: ndimage.NDIMAGE_DOMAIN, packageName: '@sciport/ndimage', exports: ndimage, rows: ndimage.NDIMAGE_FUNCTIONS, example: ndimageExample },
  { module: 'linalg', domain: linalg.LINALG_DOMAIN, packageName: '@sciport/linalg', exports: linalg, rows: linalg.LINALG_FUNCTIONS, example: linalgExample },
];

/** The public names of SciPy's modules (tooling/docs/scipy-names.json, from `dir()`). */
export function readScipyNames() {
  return JSON.parse(readFileSync(new URL('./scipy-names.json', import.meta.url), 'utf8'));
}

/** sciport's camelCase name of a SciPy name (`gaussian_filter1d` → `gaussianFilter1d`). */
export const camelCase = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** reStructuredText's ``literal`` as Markdown's `literal`. */
export const rstToMarkdown = (text) => text.replace(/``([^`]+)``/g, '`$1`');

function dtypeRulesMarkdown(rules) {
  if (rules.every(([outcome, dtypes]) => dtypes.length === 1 && outcome === `→ ${dtypes[0]}`)) return '- every dtype → the input\'s dtype';
  return rules.map(([outcome, dtypes]) => `- ${dtypeList(dtypes)} ${outcome}`).join('\n');
}

function backendsMarkdown(cells) {
  if (cells === undefined) return undefined;
  const lines = ['| backend | input dtypes |', '|---|---|'];
  for (const { backend, dtypes } of cells) lines.push(`| ${backend} | ${dtypes} |`);
  return lines.join('\n');
}

/**
 * Map of package name → map of function name → { scipyName, summary, options, dtypeRules,
 * example, backends }, each a Markdown string (or undefined where it does not apply).
 */
export function collectFunctionFacts() {
  const scipy = readScipyNames();
  const capabilities = readCapabilities();
  const dtypeRules = collectDtypeRules();
  const facts = new Map();
  for (const d of DOMAINS) {
    const scipyEntries = new Map(scipy.modules[d.module].map((e) => [camelCase(e.name), e]));
    const byName = new Map();
    for (const row of d.rows) {
      const entry = scipyEntries.get(row.name);
      if (entry === undefined) throw new Error(`${d.packageName}'s ${row.name} has no SciPy counterpart in scipy.${d.module}`);
      const rules = dtypeRules.get(d.domain).get(row.name);
      byName.set(row.name, {
        scipyName: `scipy.${d.module}.${entry.name}`,
        summary: rstToMarkdown(entry.summary),
        options: row.options.filter((o) => o !== 'backend'),
        dtypeRules: rules === undefined ? 'No array argument to take a dtype from: the example shows the result\'s dtype.' : dtypeRulesMarkdown(rules),
        example: runExample(d.example(row), d.packageName, d.exports),
        backends: backendsMarkdown(capabilities.get(d.domain)?.get(row.name)),
      });
    }
    facts.set(d.packageName, byName);
  }
  return facts;
}

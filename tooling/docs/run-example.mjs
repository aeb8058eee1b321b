// Runs an example's source (from examples.mjs) with the package's exports in scope and
// returns the code block the API reference shows: the import lines, the source, the result.
import * as arrayApi from '@sciport/array-api';
import { formatResult } from './format-result.mjs';

/** The import lines an example needs: each name from the package that exports it. */
function importsOf(source, packages) {
  const lines = [];
  const taken = new Set();
  for (const [pkg, exports] of packages) {
    const names = Object.keys(exports).filter((n) => !taken.has(n) && new RegExp(`\\b${n}\\(`).test(source));
    for (const n of names) taken.add(n);
    if (names.length > 0) lines.push(`import { ${names.sort().join(', ')} } from '${pkg}';`);
  }
  return lines;
}

/**
 * `packageName` and `exports`: the domain package the example is about. Its last line is an
 * expression whose value is printed. Throws (naming the example) when the example fails.
 */
export function runExample(example, packageName, exports) {
  const packages = [
    [packageName, exports],
    ['@sciport/array-api', arrayApi],
  ];
  const scope = { ...arrayApi, ...exports };
  const body = [...example.lines.slice(0, -1), `return ${example.lines.at(-1)};`].join('\n');
  let result;
  try {
    result = new Function(...Object.keys(scope), body)(...Object.values(scope));
  } catch (error) {
    throw new Error(`the example\n${example.lines.join('\n')}\nfails: ${error.name}: ${error.message}`);
  }
  const source = example.lines.join('\n');
  const shown = formatResult(result)
    .split('\n')
    .map((l) => `// → ${l}`);
  return ['```ts', ...importsOf(source, packages), '', ...example.lines.slice(0, -1), `${example.lines.at(-1)};`, ...shown, '```'].join('\n');
}

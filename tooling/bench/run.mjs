// `pnpm bench`: runs every package's benchmarks (packages/*/bench/*.bench.mjs), one
// after another so they do not compete for cores, then writes BENCHMARKS.md from the
// results.md sections they leave next to themselves. Every figure is measured in this run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
// `--collect`: run nothing, only rebuild BENCHMARKS.md from the results the named packages'
// benches left (for benches run separately, e.g. two packages at once on a quiet machine).
const collect = process.argv.includes('--collect');
const only = process.argv.slice(2).filter((a) => a !== '--collect');
const sections = [];
const previous = previousSections(join(root, 'BENCHMARKS.md'));
for (const pkg of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  // `pnpm bench <pkg…>` re-measures only those packages; the others keep their last section.
  const rerun = only.length === 0 || only.includes(pkg);
  for (const file of readdirSync(dir).filter((f) => rerun && !collect && f.endsWith('.bench.mjs')).sort()) {
    console.log(`\n=== ${pkg}/bench/${file}`);
    try {
      execFileSync(process.execPath, [join(dir, file)], { stdio: 'inherit', cwd: join(root, 'packages', pkg) });
    } catch (error) {
      console.error(`bench ${pkg}/${file} failed: ${error.message}`);
    }
  }
  // A package's main bench writes results.md, further benches `<name>.results.md` (e.g. the
  // fft length sweep); together they are its section. A package not re-measured keeps the
  // section BENCHMARKS.md already has (results files are not committed).
  const files = ['results.md', ...readdirSync(dir).filter((f) => f.endsWith('.results.md')).sort()].map((f) => join(dir, f));
  const measured = files.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8').trim());
  const section = rerun && measured.length > 0 ? measured.join('\n\n') : previous.get(pkg);
  if (section) sections.push(`${marker(pkg)}\n${section}`);
}

const header = [
  '# sciport benchmarks',
  '',
  `Written by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'unknown CPU'} ` +
    `(${cpus().length} cores), Node ${process.version}. Every ratio compares figures taken in the same run.`,
  '',
].join('\n');
writeFileSync(join(root, 'BENCHMARKS.md'), `${header}\n${sections.join('\n\n')}\n`);

/** The comment line that opens a package's section, so a later partial run can find it. */
function marker(pkg) {
  return `<!-- bench:${pkg} -->`;
}

/** Each package's section of an existing BENCHMARKS.md, keyed by package directory. */
function previousSections(file) {
  const found = new Map();
  if (!existsSync(file)) return found;
  const parts = readFileSync(file, 'utf8').split(/^<!-- bench:([\w-]+) -->$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) found.set(parts[i], parts[i + 1].trim());
  return found;
}
console.log('\nwrote BENCHMARKS.md');

// `pnpm bench`: runs every package's benchmarks (packages/*/bench/*.bench.mjs), one
// after another so they do not compete for cores, then writes BENCHMARKS.md from the
// results.md sections they leave next to themselves. Every figure is measured in this run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const only = process.argv.slice(2);
const sections = [];
for (const pkg of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  // `pnpm bench <pkg…>` re-measures only those packages; the others keep their last section.
  const rerun = only.length === 0 || only.includes(pkg);
  for (const file of readdirSync(dir).filter((f) => rerun && f.endsWith('.bench.mjs')).sort()) {
    console.log(`\n=== ${pkg}/bench/${file}`);
    try {
      execFileSync(process.execPath, [join(dir, file)], { stdio: 'inherit', cwd: join(root, 'packages', pkg) });
    } catch (error) {
      console.error(`bench ${pkg}/${file} failed: ${error.message}`);
    }
  }
  const md = join(dir, 'results.md');
  if (existsSync(md)) sections.push(readFileSync(md, 'utf8').trim());
  // a package's further benches write `<name>.results.md` (e.g. the fft length sweep)
  for (const extra of readdirSync(dir).filter((f) => f.endsWith('.results.md')).sort()) {
    sections.push(readFileSync(join(dir, extra), 'utf8').trim());
  }
}

const header = [
  '# sciport benchmarks',
  '',
  `Written by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'unknown CPU'} ` +
    `(${cpus().length} cores), Node ${process.version}. Every ratio compares figures taken in the same run.`,
  '',
].join('\n');
writeFileSync(join(root, 'BENCHMARKS.md'), `${header}\n${sections.join('\n\n')}\n`);
console.log('\nwrote BENCHMARKS.md');

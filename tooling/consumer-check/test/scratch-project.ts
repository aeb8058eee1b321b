import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root (this file is tooling/consumer-check/test/scratch-project.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The template of the user's project: sources, HTML pages, tsconfigs. */
const template = fileURLToPath(new URL('../consumer/', import.meta.url));

export interface PackedPackage {
  readonly name: string;
  readonly dir: string;
  readonly tarball: string;
}

/** The packages under packages/ that are published (not private). */
export function publishedPackages(): { name: string; dir: string }[] {
  return readdirSync(join(repoRoot, 'packages'))
    .map((folder) => join(repoRoot, 'packages', folder))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name as string, dir }));
}

function manifestOf(dir: string): { devDependencies: Record<string, string> } {
  return JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
}

/**
 * `pnpm pack` of every published package into `into`: the tarballs npm would publish, with
 * `workspace:*` replaced by real versions.
 */
export async function packAll(into: string): Promise<PackedPackage[]> {
  mkdirSync(into, { recursive: true });
  return Promise.all(
    publishedPackages().map(async ({ name, dir }) => {
      const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', into], { cwd: dir, env: process.env });
      const tarball = JSON.parse(stdout).filename as string;
      return { name, dir, tarball: tarball.startsWith('/') ? tarball : join(into, tarball) };
    }),
  );
}

/**
 * A user's project in `dir`, outside the workspace, that installs only the tarballs (every
 * `@sciport/*` dependency, direct or not, is overridden to its tarball) plus what a user adds
 * beside them: `webgpu` for Node and `@types/node`. Third-party dependencies come from the
 * pnpm store the workspace's install filled (the registry only for what it lacks).
 */
export async function installConsumer(dir: string, packed: readonly PackedPackage[]): Promise<void> {
  cpSync(template, dir, { recursive: true });
  const tarballOf = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
  const { conformance: _kit, ...wanted } = Object.fromEntries(packed.map((p) => [p.name.replace('@sciport/', ''), p.name]));
  // The versions the workspace itself uses, so the store has them.
  const dependencies: Record<string, string> = {
    webgpu: manifestOf('packages/backend-webgpu').devDependencies.webgpu,
    '@types/node': manifestOf('.').devDependencies['@types/node'],
  };
  for (const name of Object.values(wanted)) dependencies[name] = tarballOf[name]!;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'sciport-consumer', private: true, type: 'module', dependencies }, null, 2)}\n`);
  const overrides = Object.entries(tarballOf).map(([name, spec]) => `  "${name}": "${spec}"`);
  writeFileSync(
    join(dir, 'pnpm-workspace.yaml'),
    ['overrides:', ...overrides, 'allowBuilds:', '  webgpu: false', '  msgpackr-extract: false', ''].join('\n'),
  );
  await run('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only'], {
    cwd: dir,
    env: { ...process.env, npm_config_yes: 'true' },
  });
}

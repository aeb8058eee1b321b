/**
 * Node-only fixture loader: reads the committed JSON fixtures next to this package
 * (`fixtures/<domain>/<name>.json`, shipped in the npm package) once per process.
 */
import { readFileSync } from 'node:fs';
import type { FixtureFile } from './fixture-format.js';

const cache = new Map<string, FixtureFile>();

/** Parsed fixture file, e.g. `loadFixtureFile('fft', 'c2c')`. */
export function loadFixtureFile(domain: string, name: string): FixtureFile {
  const key = `${domain}/${name}`;
  let file = cache.get(key);
  if (file === undefined) {
    // src/ and dist/ are siblings of fixtures/, so the same relative path works from both
    const url = new URL(`../fixtures/${domain}/${name}.json`, import.meta.url);
    file = JSON.parse(readFileSync(url, 'utf8')) as FixtureFile;
    cache.set(key, file);
  }
  return file;
}

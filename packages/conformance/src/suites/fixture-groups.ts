/**
 * What the fixture suites (fft, ndimage, linalg) share: which functions a run selects, the
 * fixture cases grouped into one test per (function, input dtype), running a group, and
 * finding the function a case names.
 */
import type { DType } from '@sciport/array-api';
import { expect } from 'vitest';
import type { FixtureCase, FixtureFile } from '../fixture-format.js';

export type AnyFn = (...args: unknown[]) => unknown;

/** The function `name` that package `pkg` (its module namespace `api`) exports; a case naming anything else fails. */
export function exportedFunction(api: object, pkg: string, name: string): AnyFn {
  const fn = (api as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`${pkg} exports no function '${name}'`);
  return fn as AnyFn;
}

/** The `include` / `exclude` options every suite takes. */
export interface Selection {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** Whether function (or section) `name` runs: in `include` when given, and not in `exclude`. */
export function isSelected(name: string, selection: Selection): boolean {
  if (selection.include && !selection.include.includes(name)) return false;
  return !selection.exclude?.includes(name);
}

export interface FixtureGroup<C extends FixtureCase> {
  readonly fn: string;
  /** The input's dtype, or 'none' for cases without an input array. */
  readonly dtype: string;
  readonly cases: readonly C[];
}

/**
 * The cases of `file` for the selected functions, grouped by function and input dtype in the
 * file's order; groups of a dtype outside `dtypes` (null: all) are left out, 'none' never.
 */
export function fixtureGroups<C extends FixtureCase>(file: FixtureFile, selection: Selection, dtypes: readonly DType[] | null): FixtureGroup<C>[] {
  const byFn = new Map<string, Map<string, C[]>>();
  for (const c of file.cases as readonly C[]) {
    if (!isSelected(c.fn, selection)) continue;
    const dtype = c.input === null ? 'none' : file.inputs[c.input].dtype;
    if (dtype !== 'none' && dtypes !== null && !dtypes.includes(dtype as DType)) continue;
    let byDtype = byFn.get(c.fn);
    if (byDtype === undefined) byFn.set(c.fn, (byDtype = new Map()));
    let list = byDtype.get(dtype);
    if (list === undefined) byDtype.set(dtype, (list = []));
    list.push(c);
  }
  return [...byFn].flatMap(([fn, byDtype]) => [...byDtype].map(([dtype, cases]) => ({ fn, dtype, cases })));
}

/** Runs every case (each gives a failure message or undefined); fails listing the first ten failures. */
export async function expectCasesMatchSciPy<C>(cases: readonly C[], run: (c: C) => Promise<string | undefined> | string | undefined): Promise<void> {
  const failures: string[] = [];
  for (const c of cases) {
    const failure = await run(c);
    if (failure !== undefined) failures.push(failure);
  }
  expect(failures.slice(0, 10), `${failures.length} of ${cases.length} cases differ from SciPy`).toEqual([]);
}

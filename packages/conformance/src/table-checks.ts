/**
 * The check every domain package (fft, ndimage, linalg) runs on its function table: the
 * multimethods declared from it are exactly its rows, each exported under its name with the
 * row's id, dispatch positions and option keys, and nothing of it can be changed by an importer.
 */
import { type DeclarableRow, listMultimethods, type MultimethodInfo } from '@sciport/dispatch-core';
import { expect } from 'vitest';

/**
 * Expects `multimethods` (the domain's by-name map) and the package's module namespace
 * `exports` to match the table `rows` of `domain` one to one.
 */
export function expectTableMatchesMultimethods(
  domain: string,
  rows: readonly DeclarableRow[],
  multimethods: Readonly<Record<string, MultimethodInfo>>,
  exports: object,
): void {
  const names = rows.map((row) => row.name);
  const declared = listMultimethods().filter((id) => id.startsWith(`${domain}.`));
  expect(declared.sort(), 'the multimethods of the domain').toEqual(names.map((name) => `${domain}.${name}`).sort());
  expect(Object.keys(multimethods), 'the by-name map, in table order').toEqual(names);
  for (const row of rows) {
    const mm = multimethods[row.name];
    expect((exports as Record<string, unknown>)[row.name], `${row.name} is exported`).toBe(mm);
    expect([mm.id, mm.dispatch, mm.options], row.name).toEqual([`${domain}.${row.name}`, row.dispatch ?? [0], row.options]);
    expect(Object.isFrozen(row), `${row.name}'s row is frozen`).toBe(true);
  }
  expect(Object.isFrozen(rows), 'the table is frozen').toBe(true);
  expect(Object.isFrozen(multimethods), 'the by-name map is frozen').toBe(true);
}

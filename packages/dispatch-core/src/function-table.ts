/**
 * A domain's function table: one frozen row per public function, looked up by name. Each
 * domain package (fft, ndimage, linalg…) names its functions once in such a table and
 * derives its multimethods, its backends' manifests and its conformance lists from it.
 * Rows are whatever the domain needs to say about a function; this module only needs
 * their `name`.
 */
import { InvalidArgumentError } from './errors.js';
import { describeInput, expectFunction, expectNonEmptyString, isPlainObject } from './validate.js';

/** What every row of a function table has: the function's name (its multimethod's name). */
export interface FunctionRow {
  readonly name: string;
}

export interface FunctionTable<R extends FunctionRow> {
  /** The domain the functions belong to, e.g. `'sciport.fft'`. */
  readonly domain: string;
  /** Every row, in the table's order. */
  readonly rows: readonly R[];
  /** Names of the rows that satisfy `predicate` (all by default), in the table's order. */
  names(predicate?: (row: R) => boolean): string[];
  /** The row of function `name`; an InvalidArgumentError for a name that is not in the table. */
  get(name: string): R;
}

/** The tables functionTable made (so that declareFromTable can tell one from a look-alike). */
const TABLES = new WeakSet<object>();

/**
 * The frozen table of `domain` from frozen copies of its rows. A name
 * that stands in two rows is refused: it would be two multimethods with one id.
 */
export function functionTable<R extends FunctionRow>(domain: string, rows: readonly R[]): FunctionTable<R> {
  expectNonEmptyString(domain, 'domain', "e.g. 'sciport.fft'.");
  if (!Array.isArray(rows)) {
    throw new InvalidArgumentError(`functionTable() takes an array of rows, got ${describeInput(rows)}.`, {
      argument: 'rows',
      hint: "Pass one { name, … } object per function, e.g. [{ name: 'fft' }].",
    });
  }
  const byName = new Map<string, R>();
  // Copies, so that freezing them leaves the caller's objects as they were.
  const frozenRows = Object.freeze(
    rows.map((row: unknown, i) => {
      if (!isPlainObject(row)) {
        throw new InvalidArgumentError(`Row ${i} of the ${domain} table is ${describeInput(row)}.`, {
          argument: `rows[${i}]`,
          hint: "Pass a { name, … } object, e.g. { name: 'fft' }.",
        });
      }
      expectNonEmptyString(row.name, `rows[${i}].name`, "e.g. 'fft'.");
      if (byName.has(row.name)) {
        throw new InvalidArgumentError(`The ${domain} table names '${row.name}' twice.`, {
          argument: `rows[${i}].name`,
          hint: 'Give each function one row.',
        });
      }
      const frozen = Object.freeze({ ...row }) as unknown as R;
      byName.set(row.name, frozen);
      return frozen;
    }),
  );
  const names = (predicate: (row: R) => boolean = () => true): string[] => {
    expectFunction(predicate, 'predicate', 'Pass (row) => boolean, or nothing for every name.');
    return frozenRows.filter((row) => predicate(row)).map((row) => row.name);
  };
  const get = (name: string): R => {
    const found = typeof name === 'string' ? byName.get(name) : undefined;
    if (found === undefined) {
      const shown = typeof name === 'string' ? `'${name}'` : describeInput(name);
      throw new InvalidArgumentError(`${domain} has no function named ${shown}.`, {
        argument: 'name',
        hint: `Use one of ${names().join(', ')}.`,
      });
    }
    return found;
  };
  const table = Object.freeze({ domain, rows: frozenRows, names, get });
  TABLES.add(table);
  return table;
}

/** Whether `value` is a table made by functionTable. */
export function isFunctionTable(value: unknown): value is FunctionTable<FunctionRow> {
  return typeof value === 'object' && value !== null && TABLES.has(value);
}

/**
 * Declaring a domain's multimethods from its function table, so that each public function
 * takes its id, dispatch positions and option keys from its row (named once) and the
 * domain's by-name map of multimethods follows the table's order.
 */
import { InvalidArgumentError } from './errors.js';
import { type FunctionRow, type FunctionTable, isFunctionTable } from './function-table.js';
import { multimethod } from './multimethod.js';
import type { Multimethod } from './multimethod-types.js';
import { describeInput, expectFunction } from './validate.js';

type AnyFunction = (...args: any[]) => any;

/** What a row says about its multimethod, beyond its name. */
export interface DeclarableRow extends FunctionRow {
  /** Positions of the dispatchable array arguments; `[0]` (the first argument) when the row has none. */
  readonly dispatch?: readonly number[];
  /** Every option key of the function (see `multimethod({ options })`). */
  readonly options?: readonly string[];
}

export interface TableDeclarations {
  /** Declare the multimethod of row `name` (an InvalidArgumentError for a name not in the table) with its host implementation. */
  declare<F extends AnyFunction>(name: string, host: F): Multimethod<F>;
  /**
   * Every row's multimethod by name, in the table's order, frozen. Call it after declaring
   * them all: a row not declared yet is an InvalidArgumentError naming it.
   */
  multimethods(): Readonly<Record<string, Multimethod<AnyFunction>>>;
}

/** Declarations of the multimethods of `table`'s domain, one per row. */
export function declareFromTable<R extends DeclarableRow>(table: FunctionTable<R>): TableDeclarations {
  if (!isFunctionTable(table)) {
    throw new InvalidArgumentError(`declareFromTable() takes a function table, got ${describeInput(table)}.`, {
      argument: 'table',
      hint: 'Pass what functionTable(domain, rows) returns.',
    });
  }
  const declared = new Map<string, Multimethod<AnyFunction>>();
  return Object.freeze({
    declare<F extends AnyFunction>(name: string, host: F): Multimethod<F> {
      const row = table.get(name);
      expectFunction(host, 'host', `Pass the host implementation of '${row.name}'.`);
      const mm = multimethod<F>({ domain: table.domain, name: row.name, dispatch: row.dispatch ?? [0], options: row.options, default: host });
      declared.set(row.name, mm);
      return mm;
    },
    multimethods() {
      const missing = table.names((row) => !declared.has(row.name));
      if (missing.length > 0) {
        throw new InvalidArgumentError(`${table.domain} has rows without a multimethod: ${missing.join(', ')}.`, {
          argument: 'name',
          hint: 'Declare every row of the table before listing its multimethods.',
        });
      }
      return Object.freeze(Object.fromEntries(table.rows.map((row) => [row.name, declared.get(row.name) as Multimethod<AnyFunction>])));
    },
  });
}

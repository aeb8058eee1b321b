import { describe, expect, it } from 'vitest';
import { declareFromTable, functionTable, getMultimethod } from '../src/index.js';

interface Row {
  readonly name: string;
  readonly arity: number;
  readonly dispatch?: readonly number[];
  readonly options?: readonly string[];
}

let counter = 0;
/** A fresh domain per test: multimethod ids are global, and one id is declared once. */
const freshDomain = () => `test.table${counter++}`;

const ROWS: readonly Row[] = [
  { name: 'one', arity: 1, options: ['axis', 'backend'] },
  { name: 'two', arity: 2, dispatch: [0, 1] },
  { name: 'three', arity: 1 },
];

describe('functionTable', () => {
  it('lists names in row order, all or those a predicate keeps', () => {
    const table = functionTable('test.names', ROWS);
    expect(table.domain).toBe('test.names');
    expect(table.names()).toEqual(['one', 'two', 'three']);
    expect(table.names((row) => row.arity === 1)).toEqual(['one', 'three']);
    expect(table.rows.map((row) => row.name)).toEqual(table.names());
  });

  it('looks a row up by name', () => {
    const table = functionTable('test.get', ROWS);
    expect(table.get('two')).toEqual(ROWS[1]);
  });

  it('refuses a name that is not in the table, naming the argument and the choices', () => {
    const table = functionTable('test.unknown', ROWS);
    expect(() => table.get('four')).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'name' }));
    expect(() => table.get('four')).toThrow("test.unknown has no function named 'four'. Use one of one, two, three.");
  });

  it('refuses a table that names a function twice, or a row that is not a named object', () => {
    expect(() => functionTable('test.twice', [...ROWS, { name: 'two', arity: 3 }])).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', argument: 'rows[3].name' }),
    );
    expect(() => functionTable('test.bad', [ROWS[0], 'two' as never])).toThrow(expect.objectContaining({ argument: 'rows[1]' }));
    expect(() => functionTable('test.bad', [{ name: '' }])).toThrow(expect.objectContaining({ argument: 'rows[0].name' }));
    expect(() => functionTable('', ROWS)).toThrow(expect.objectContaining({ argument: 'domain' }));
  });

  it('is frozen, rows and all, and does not freeze the array it was given', () => {
    const rows = ROWS.map((row) => ({ ...row }));
    const table = functionTable('test.frozen', rows);
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.rows)).toBe(true);
    expect(table.rows.every((row) => Object.isFrozen(row))).toBe(true);
    expect(Object.isFrozen(rows)).toBe(false);
  });
});

describe('declareFromTable', () => {
  it("declares each row's multimethod with the row's id, dispatch positions and options", () => {
    const domain = freshDomain();
    const table = declareFromTable(functionTable(domain, ROWS));
    const one = table.declare('one', (x: number[]) => x.length);
    const two = table.declare('two', (a: number[], b: number[]) => a.length + b.length);
    expect([one.id, one.dispatch, one.options]).toEqual([`${domain}.one`, [0], ['axis', 'backend']]);
    expect([two.id, two.dispatch, two.options]).toEqual([`${domain}.two`, [0, 1], undefined]);
    expect(getMultimethod(`${domain}.one`)).toBe(one);
    expect(one([1, 2, 3])).toBe(3);
  });

  it('lists every multimethod by name in the table order, frozen', () => {
    const table = declareFromTable(functionTable(freshDomain(), ROWS));
    const three = table.declare('three', () => 3);
    const one = table.declare('one', () => 1);
    const two = table.declare('two', () => 2);
    const all = table.multimethods();
    expect(Object.keys(all)).toEqual(['one', 'two', 'three']);
    expect([all.one, all.two, all.three]).toEqual([one, two, three]);
    expect(Object.isFrozen(all)).toBe(true);
  });

  it('refuses to list the multimethods while a row is not declared, naming it', () => {
    const table = declareFromTable(functionTable(freshDomain(), ROWS));
    table.declare('one', () => 1);
    expect(() => table.multimethods()).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'name' }));
    expect(() => table.multimethods()).toThrow(/two, three/);
  });

  it('refuses to declare a name that is not in the table, or a host that is not a function', () => {
    const table = declareFromTable(functionTable(freshDomain(), ROWS));
    expect(() => table.declare('four', () => 4)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'name' }));
    expect(() => table.declare('one', 1 as never)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'host' }));
  });

  it('takes only a table made by functionTable', () => {
    const lookAlike = { domain: 'test.fake', rows: ROWS, names: () => [], get: () => ROWS[0] };
    expect(() => declareFromTable(lookAlike)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'table' }));
  });
});

/**
 * The declarations of the domain's multimethods from its table, shared by the files that
 * declare them (the morphology primitives are declared apart, so the compositions built on
 * them need not import every multimethod).
 */
import type { NDArray } from '@sciport/array-api';
import { declareFromTable } from '@sciport/dispatch-core';
import { NDIMAGE_TABLE } from './table.js';

export const ndimageDeclarations = declareFromTable(NDIMAGE_TABLE);

/**
 * Declare function `name` of the table with its host implementation (which takes host
 * arrays only, so its signature is narrower than the function's `F`).
 */
export const declareFilter = <F extends (...args: any[]) => any>(name: string, host: (...args: any[]) => NDArray) =>
  ndimageDeclarations.declare(name, host as F);

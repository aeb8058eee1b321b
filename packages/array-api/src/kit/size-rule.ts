/**
 * How a kit shape rule limits the size of the result it computes: by default an array
 * that fits in memory at once (`checkAllocatable`); a namespace whose arrays are held in
 * pieces (chunked arrays) passes its own, looser rule.
 */
export type SizeRule = (shape: readonly number[], argument: string) => void;

/**
 * True when A and B are the same type (each assignable to the other). A response schema that mirrors an analysis
 * type asserts `const matches: SameType<Static<typeof Schema>, AnalysisType> = true`, which fails to compile when
 * the two part.
 */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * T with the fields K given the type V: for a SameType check against a schema that states those fields more
 * loosely than the data type does (a string where the data has a union of words, a number for a union of levels).
 */
export type Loosened<T, K extends keyof T, V> = Omit<T, K> & { [P in K]: V };

/**
 * True when A and B are the same type (each assignable to the other). A response schema that mirrors an analysis
 * type asserts `const matches: SameType<Static<typeof Schema>, AnalysisType> = true`, which fails to compile when
 * the two part.
 */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

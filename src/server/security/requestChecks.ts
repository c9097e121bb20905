import type { FastifyRequest } from 'fastify';
import { badInput } from '../../errors.ts';

/**
 * Checks every request's values that no route schema can express (docs/security.md, "Request checks"):
 * no NUL character in any text (PostgreSQL text cannot hold one), no non-finite number (ajv's type coercion turns
 * the query text "Infinity" or "1e309" into a number that passes `Type.Integer`, and JSON.parse reads 1e309 as
 * Infinity).
 */

/**
 * The dotted path ("a.b.0.c") of the first value inside `value` (itself included: path "") for which `matches`
 * holds, objects and arrays walked depth-first in key order with an explicit stack (no recursion, so no depth
 * makes it overflow).
 */
export function firstMatchingPath(value: unknown, matches: (v: unknown) => boolean): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (matches(v)) return path;
    if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i];
        stack.push([child, path ? `${path}.${k}` : k]);
      }
    }
  }
  return undefined;
}

const hasNul = (v: unknown) => typeof v === 'string' && v.includes('\u0000');
const nonFinite = (v: unknown) => typeof v === 'number' && !Number.isFinite(v);

/** The three places of a request that carry values, with how an error names them. */
const parts = [
  { key: 'params', label: 'path parameter' },
  { key: 'query', label: 'query parameter' },
  { key: 'body', label: 'body field' },
] as const;

function refuse(request: FastifyRequest, matches: (v: unknown) => boolean, problem: string): void {
  for (const { key, label } of parts) {
    const field = firstMatchingPath(request[key], matches);
    if (field === undefined) continue;
    if (key === 'body') {
      throw badInput(field ? `${label} ${field} ${problem}` : `the body ${problem}`, {
        field: field || 'body',
      });
    }
    throw badInput(`${label} ${field} ${problem}`, { field });
  }
}

/** Before validation: text anywhere in the path, query or body must not contain NUL. */
export function refuseNul(request: FastifyRequest): void {
  refuse(request, hasNul, 'must not contain NUL characters');
}

/** After validation (which coerces query and path text to numbers): every number must be finite. */
export function refuseNonFiniteNumbers(request: FastifyRequest): void {
  refuse(request, nonFinite, 'must be a finite number (not Infinity or a number too large for 64 bits)');
}

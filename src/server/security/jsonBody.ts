import type { FastifyInstance } from 'fastify';
import { badInput } from '../../errors.ts';

/**
 * JSON request bodies nest at most this deep (objects and arrays). The API's deepest body (a scenario definition)
 * nests about 6 levels; the limit keeps every later walk of a body (the NUL check, validation, handlers) cheap and
 * free of stack overflows, whatever a client sends.
 */
export const maxJsonDepth = 64;

/**
 * The deepest nesting of objects and arrays in a JSON text, found by one scan that skips string contents (no
 * recursion, no parse). Stops counting as soon as the depth exceeds `stopAbove`. The text need not be valid JSON:
 * the parser that runs afterwards rejects what is not.
 */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Replaces Fastify's JSON body parser by one that refuses bodies nested deeper than `maxJsonDepth` (400 naming
 * the limit) before parsing, then parses exactly as Fastify does (prototype-poisoning keys refused). Fastify's
 * parser has no depth option. The body limit (global or the route's `bodyLimit`) still applies before this runs.
 */
export function useDepthLimitedJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text, maxJsonDepth) > maxJsonDepth) {
      done(
        badInput(
          `the JSON body nests objects or arrays deeper than ${maxJsonDepth} levels, the most this API accepts`,
          { field: 'body' },
        ),
        undefined,
      );
      return;
    }
    void parse(request, text, done);
  });
}

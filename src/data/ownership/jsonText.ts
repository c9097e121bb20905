import { ChokepointError } from '../../errors.ts';

/** JSON.parse with a syntax error turned into a bad_file error naming the file and the line it is on. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new ChokepointError('bad_file', `not valid JSON: ${message}`, { file, line });
  }
}

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A required string member; a missing or empty one is an error naming the JSON pointer. */
export function stringAt(o: JsonObject, key: string, file: string, pointer: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '')
    throw new ChokepointError('bad_file', `${key} is missing or not a string`, {
      file,
      field: `${pointer}/${key}`,
    });
  return v.trim();
}

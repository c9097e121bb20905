/** Column values as the two state back ends return them: jsonb as an object or a string, timestamps as Date or text. */
export const jsonValue = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
export const timeText = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

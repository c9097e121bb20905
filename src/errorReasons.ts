/**
 * The precise reasons an API error may carry beside its code (src/errors.ts), each with its English text: the
 * API's `message` is this text with the parameters filled in, and the web app has a Japanese and an English text
 * for every reason (web/src/api/errorTexts.ts; test/web/errorTexts.test.ts checks that none is missing).
 * `{{name}}` marks a parameter.
 */
export const errorReasons = {
  // Values in request bodies and scenario files (src/analysis/scenario/definition.ts and the like).
  'value.non_empty_text': 'must be a non-empty text',
  'value.number': 'must be a number',
  'value.not_negative': 'must not be negative (got {{got}})',
  'value.required': 'is required',
  'value.object': 'must be an object',
  'value.unknown_field': 'unknown field (expected one of: {{expected}})',
  'value.range': 'a range must be [low, high]',
  'value.range_order': 'the low end {{low}} exceeds the high end {{high}}',
  'value.at_least': 'must be at least {{min}} (got {{got}})',
  'value.between': 'must be between {{min}} and {{max}} (got {{got}})',
  'value.duration': 'must be a duration (e.g. 6, "6 months", "180 days")',
  'value.not_duration': '"{{text}}" is not a duration (e.g. 6, "6 months", "180 days")',
  'value.unknown_country': 'unknown country "{{text}}" (use an ISO3 code such as CHN, a BACI code or a name)',
  'value.hs6': '"{{text}}" is not an HS6 product code (six digits, e.g. "811292")',
  'value.at_least_one': 'must list at least one entry',
  // Request validation against the route's schema (TypeBox → JSON Schema, checked by Ajv): src/server/app.ts.
  'schema.required': 'is required',
  'schema.type': 'must be of type {{type}}',
  'schema.min_length': 'must have at least {{limit}} characters',
  'schema.max_length': 'must have at most {{limit}} characters',
  'schema.minimum': 'must be {{comparison}} {{limit}}',
  'schema.maximum': 'must be {{comparison}} {{limit}}',
  'schema.pattern': 'does not have the expected form ({{pattern}})',
  'schema.allowed': 'must be one of the allowed values',
  'schema.unknown_field': 'unknown field {{name}}',
  'schema.min_items': 'must list at least {{limit}} entries',
  'schema.max_items': 'must list at most {{limit}} entries',
  'schema.format': 'must be a valid {{format}}',
  'schema.invalid': 'is not valid',
  // A missing object (or one the reader may not see, which answers the same).
  'not_found.object': '{{object}} not found',
} as const;

export type ErrorReason = keyof typeof errorReasons;

/** The reason's English text with its parameters. */
export function reasonMessage(reason: ErrorReason, params: Record<string, string | number>): string {
  return errorReasons[reason].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

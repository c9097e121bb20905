import { ChokepointError, type ErrorParams } from '../errors.ts';
import type { ErrorReason } from '../errorReasons.ts';

/**
 * A request that fails its route's schema (Fastify validates it with Ajv) as a ChokepointError: the message
 * Fastify wrote (English, for API users), the field as the forms name it (`shocks[0].duration`) and a reason with
 * parameters the web app translates (src/errorReasons.ts).
 */
export interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** "/shocks/0/duration" → "shocks[0].duration". */
export function fieldOfPath(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((f, p) => (/^\d+$/.test(p) ? `${f}[${p}]` : f ? `${f}.${p}` : p), '');
}

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

/** The reason, parameters and field of one Ajv issue. */
export function reasonOfIssue(issue: AjvIssue): { reason: ErrorReason; params: ErrorParams; field: string } {
  const field = fieldOfPath(issue.instancePath);
  const p = issue.params;
  const limit = Number(p.limit);
  switch (issue.keyword) {
    case 'required':
      return { reason: 'schema.required', params: {}, field: join(field, String(p.missingProperty)) };
    case 'additionalProperties':
      return {
        reason: 'schema.unknown_field',
        params: { name: String(p.additionalProperty) },
        field: join(field, String(p.additionalProperty)),
      };
    case 'type':
      return { reason: 'schema.type', params: { type: String(p.type) }, field };
    case 'minLength':
      return limit === 1
        ? { reason: 'value.non_empty_text', params: {}, field }
        : { reason: 'schema.min_length', params: { limit }, field };
    case 'maxLength':
      return { reason: 'schema.max_length', params: { limit }, field };
    case 'minimum':
    case 'exclusiveMinimum':
      return { reason: 'schema.minimum', params: { comparison: String(p.comparison), limit }, field };
    case 'maximum':
    case 'exclusiveMaximum':
      return { reason: 'schema.maximum', params: { comparison: String(p.comparison), limit }, field };
    case 'pattern':
      return { reason: 'schema.pattern', params: { pattern: String(p.pattern) }, field };
    case 'enum':
    case 'const':
      return { reason: 'schema.allowed', params: {}, field };
    case 'minItems':
      return { reason: 'schema.min_items', params: { limit }, field };
    case 'maxItems':
      return { reason: 'schema.max_items', params: { limit }, field };
    case 'format':
      return { reason: 'schema.format', params: { format: String(p.format) }, field };
    default:
      return { reason: 'schema.invalid', params: {}, field };
  }
}

export function validationError(message: string, issues: readonly AjvIssue[]): ChokepointError {
  if (issues.length === 0) return new ChokepointError('bad_input', message);
  const { reason, params, field } = reasonOfIssue(issues[0]);
  return new ChokepointError('bad_input', message, field ? { field } : {}).because(reason, params);
}

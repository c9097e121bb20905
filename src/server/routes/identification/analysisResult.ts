import type { FastifyRequest } from 'fastify';
import { joinMarkings, type Marking } from '../../../analysis/marking.ts';
import { assertReadable } from '../../security/markings.ts';

/**
 * The marking of an identification analysis: the join of what the handler read (datasets, through the read
 * context) and of the stored groups it used as parties. A result the user may not read answers 404 like a missing
 * dataset (a group or dataset above the user's clearance must not show through a derived figure).
 */
export function resultMarking(request: FastifyRequest, stored: readonly Marking[]): Marking {
  const marking = joinMarkings([request.server.readMarking(request), ...stored]);
  assertReadable(request, marking, 'dataset');
  return marking;
}

/** Comma-separated query values as a list (absent: undefined). */
export function listOf(text: string | undefined): string[] | undefined {
  return text ? text.split(',').filter(Boolean) : undefined;
}

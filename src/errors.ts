import { reasonMessage, type ErrorReason } from './errorReasons.ts';

/**
 * Errors are values with a code, a plain-words message and the place they concern (file, line, field).
 * Every layer throws ChokepointError for anything a user can fix; the CLI prints it and the API returns it
 * as { error: { code, message, place, reason?, params? } } with the matching HTTP status. `reason` names what
 * went wrong more precisely than the code (src/errorReasons.ts: 'value.not_negative', 'not_found.object' …) with
 * its `params`, so that the web app says it in the user's language; `message` stays English for API users.
 */
export interface Place {
  file?: string;
  line?: number;
  column?: string;
  field?: string;
}

export type ErrorCode =
  | 'bad_input'
  | 'bad_file'
  | 'not_found'
  | 'unknown_code'
  | 'no_data'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'password_change_required'
  | 'too_large'
  | 'checksum_mismatch'
  | 'network'
  | 'in_use'
  | 'internal';

const httpStatus: Record<ErrorCode, number> = {
  bad_input: 400,
  bad_file: 400,
  unknown_code: 400,
  not_found: 404,
  no_data: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  too_large: 413,
  checksum_mismatch: 422,
  network: 502,
  in_use: 503,
  internal: 500,
};

/** Every code an error may carry (the API sends each with its HTTP status). */
export const errorCodes = Object.keys(httpStatus) as ErrorCode[];

/**
 * CLI exit codes: 0 ok, 1 unexpected failure, 2 usage, 3 bad input/data, 4 not found, 5 permission, 6 network,
 * 7 in use (the embedded state database is held by another process: try again once it has ended).
 */
const exitCodes: Record<ErrorCode, number> = {
  bad_input: 3,
  bad_file: 3,
  unknown_code: 3,
  checksum_mismatch: 3,
  too_large: 3,
  not_found: 4,
  no_data: 4,
  conflict: 3,
  unauthenticated: 5,
  forbidden: 5,
  password_change_required: 5,
  network: 6,
  in_use: 7,
  internal: 1,
};

export type ErrorParams = Record<string, string | number>;

/** An error as the API sends it and jobs and runs store it (toJSON). */
export interface ErrorJson {
  code: string;
  message: string;
  place: Place;
  reason?: string;
  params?: ErrorParams;
}

export class ChokepointError extends Error {
  reason?: ErrorReason;
  params?: ErrorParams;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly place: Place = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ChokepointError';
    // "scenario not found", "rule set x not found": the object is the reason's parameter (see errorReasons.ts).
    const object =
      code === 'not_found' ? /^([A-Za-z][A-Za-z -]*?)(?: "[^"]*")? not found$/.exec(message) : null;
    if (object) {
      this.reason = 'not_found.object';
      this.params = { object: object[1] };
    }
  }

  /** The same error with a precise reason and its parameters (the message stays as it is). */
  because(reason: ErrorReason, params: ErrorParams = {}): this {
    this.reason = reason;
    this.params = params;
    return this;
  }

  get httpStatus(): number {
    return httpStatus[this.code];
  }

  get exitCode(): number {
    return exitCodes[this.code];
  }

  /** "file.csv line 12, column v: message" — the place first, so a reader finds it at once. */
  describe(): string {
    const where = describePlace(this.place);
    return where ? `${where}: ${this.message}` : this.message;
  }

  toJSON(): { code: ErrorCode; message: string; place: Place; reason?: ErrorReason; params?: ErrorParams } {
    return {
      code: this.code,
      message: this.message,
      place: this.place,
      ...(this.reason ? { reason: this.reason, params: this.params ?? {} } : {}),
    };
  }
}

/** An error whose message is its reason's English text with the parameters filled in. */
export function reasonError(code: ErrorCode, reason: ErrorReason, params: ErrorParams, place: Place = {}) {
  return new ChokepointError(code, reasonMessage(reason, params), place).because(reason, params);
}

export function describePlace(place: Place): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.column) parts.push(`column ${place.column}`);
  if (place.field) parts.push(`field ${place.field}`);
  return parts.join(', ');
}

export function badInput(message: string, place: Place = {}): ChokepointError {
  return new ChokepointError('bad_input', message, place);
}

export function notFound(message: string, place: Place = {}): ChokepointError {
  return new ChokepointError('not_found', message, place);
}

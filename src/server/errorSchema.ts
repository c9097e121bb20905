import { Type } from 'typebox';

/**
 * An error as the API sends it (src/errors.ts ChokepointError.toJSON): in error responses and in the stored
 * outcome of a job or a run. `reason` and `params` (src/errorReasons.ts) let the web app say it in Japanese.
 */
export const ErrorValueSchema = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    place: Type.Object(
      {
        file: Type.Optional(Type.String()),
        line: Type.Optional(Type.Number()),
        column: Type.Optional(Type.String()),
        field: Type.Optional(Type.String()),
      },
      { additionalProperties: true },
    ),
    reason: Type.Optional(Type.String()),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  },
  { title: 'ApiErrorValue' },
);

import { Type } from 'typebox';
import { MarkingSchema } from '../../security/markings.ts';
import { ErrorValueSchema } from '../../errorSchema.ts';

/** Saved scenarios and their runs as the API shows them, and the request pieces the scenario routes share. */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const writers = ['analyst' as const, 'administrator' as const];
export const ScenarioSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameJa: Type.Union([Type.String(), Type.Null()]),
  version: Type.Number(),
  marking: MarkingSchema,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const ScenarioSchema = Type.Intersect([
  ScenarioSummarySchema,
  Type.Object({
    text: Type.String(),
    versions: Type.Array(
      Type.Object({
        version: Type.Number(),
        createdAt: Type.String(),
        createdBy: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  }),
]);
export const RunSchema = Type.Object({
  id: Type.String(),
  scenarioId: Type.String(),
  version: Type.Number(),
  dataset: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  progress: Type.Number(),
  marking: MarkingSchema,
  error: Type.Union([ErrorValueSchema, Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
});
export const ScenarioBody = Type.Object(
  {
    /** The scenario as YAML or JSON text (the file format of `chokepoint scenario run`). */
    text: Type.String({ minLength: 1, maxLength: 1_000_000 }),
    marking: Type.Optional(MarkingSchema),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

import { Type } from 'typebox';

/** Shapes the screen family's routes share: the provenance of a screen and of what is derived from one. */
const ThresholdsSchema = Type.Record(Type.String(), Type.Record(Type.String(), Type.Number()));

export const ScreenProvenanceSchema = Type.Object({
  dataset: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  version: Type.String(),
  synthetic: Type.Boolean(),
  method: Type.String(),
  thresholds: ThresholdsSchema,
  partner: Type.Optional(Type.String()),
  concern: Type.Array(Type.String()),
  likeMinded: Type.Array(Type.String()),
});

import { Type } from 'typebox';

/** Where a figure came from, as `provenanceOf(entry)` (src/data/catalog/catalog.ts) writes it into responses. */
export const ProvenanceSchema = Type.Object(
  {
    dataset: Type.String(),
    title: Type.String(),
    publisher: Type.String(),
    version: Type.String(),
    url: Type.Optional(Type.String()),
    licence: Type.Optional(Type.String()),
    retrievedAt: Type.Optional(Type.String()),
    synthetic: Type.Boolean(),
  },
  { title: 'Provenance' },
);

/** `provenanceOf(entry)` with the method that made the figures from the dataset. */
export const MethodProvenanceSchema = Type.Intersect(
  [ProvenanceSchema, Type.Object({ method: Type.String() })],
  { title: 'MethodProvenance' },
);

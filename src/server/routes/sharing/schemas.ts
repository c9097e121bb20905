import { Type, type Static } from 'typebox';
import type { ShareLink, ShareSummary } from '../../../data/sharing/index.ts';
import type { SameType } from '../../sameType.ts';
import { MarkingSchema } from '../../security/markings.ts';

/** Schemas of the sharing routes (issue 24). */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ShareKindSchema = Type.Union([
  Type.Literal('screen'),
  Type.Literal('dossier'),
  Type.Literal('scenario-run'),
  Type.Literal('zone'),
  Type.Literal('exercise-report'),
]);

export const RecipientSchema = Type.Object({
  kind: Type.Union([Type.Literal('user'), Type.Literal('organisation')]),
  id: Type.String(),
});

export const ShareSummarySchema = Type.Object({
  id: Type.String(),
  kind: ShareKindSchema,
  source: Type.Record(Type.String(), Type.String()),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  sourceMarking: MarkingSchema,
  marking: MarkingSchema,
  recipients: Type.Array(RecipientSchema),
  expiresAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  sender: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export const ShareSchema = Type.Intersect([ShareSummarySchema, Type.Object({ snapshot: Type.Unknown() })]);

export const ShareLinkSchema = Type.Object({
  id: Type.String(),
  shareId: Type.String(),
  recipientName: Type.String(),
  expiresAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export const NewLinkBody = Type.Object(
  {
    recipientName: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'printed as the watermark on every page',
    }),
    days: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 90 })),
  },
  { additionalProperties: false },
);

/** A link as created: the token is in this answer only. */
export const CreatedLinkSchema = Type.Object({
  link: ShareLinkSchema,
  token: Type.String(),
  url: Type.String(),
});

export const DocumentQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('pdf')])),
  lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
});

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

// The schemas mirror the stores' types both ways (a field only one of them has fails to compile).
const shareSummaryMatches: SameType<Static<typeof ShareSummarySchema>, ShareSummary> = true;
const shareLinkMatches: SameType<Static<typeof ShareLinkSchema>, ShareLink> = true;
void [shareSummaryMatches, shareLinkMatches];

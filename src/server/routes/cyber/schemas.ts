import { Type, type Static } from 'typebox';
import type { SameType } from '../../sameType.ts';
import type { AssessmentScore, CategoryScore } from '../../../analysis/cyber/starScore.ts';
import type { AssessmentSummary, StoredAnswer } from '../../../data/cyber/index.ts';
import { MarkingSchema } from '../../security/markings.ts';

/** Response schemas shared by the cyber routes (issue 22). */
export const LocalizedSchema = Type.Object(
  { ja: Type.Optional(Type.String()), en: Type.Optional(Type.String()) },
  { title: 'Localized' },
);
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const AnswerValueSchema = Type.Union([
  Type.Literal('implemented'),
  Type.Literal('partial'),
  Type.Literal('not_implemented'),
  Type.Literal('not_applicable'),
]);
export const AssessmentSummarySchema = Type.Object({
  id: Type.String(),
  frameworkId: Type.String(),
  organisationId: Type.String(),
  title: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
  marking: MarkingSchema,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  submittedAt: Type.Union([Type.String(), Type.Null()]),
});
export const StoredAnswerSchema = Type.Object({
  requirementId: Type.String(),
  answer: AnswerValueSchema,
  evidence: Type.Optional(Type.Array(Type.String())),
  comment: Type.Optional(Type.String()),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});
export const CategoryScoreSchema = Type.Object({
  category: Type.String(),
  name: LocalizedSchema,
  applicable: Type.Number(),
  implemented: Type.Number(),
  partial: Type.Number(),
  notImplemented: Type.Number(),
  notApplicable: Type.Number(),
  unanswered: Type.Number(),
  score: Type.Union([Type.Number(), Type.Null()]),
});
export const AssessmentScoreSchema = Type.Object(
  {
    framework: Type.String(),
    level: Type.Union([Type.String(), Type.Null()]),
    levelName: Type.Union([LocalizedSchema, Type.Null()]),
    targetLevel: Type.Union([Type.String(), Type.Null()]),
    scores: Type.Record(Type.String(), CategoryScoreSchema),
    overall: Type.Object({
      applicable: Type.Number(),
      implemented: Type.Number(),
      partial: Type.Number(),
      score: Type.Union([Type.Number(), Type.Null()]),
    }),
    gaps: Type.Array(
      Type.Object({
        requirement: Type.String(),
        category: Type.String(),
        level: Type.String(),
        answer: Type.Union([
          Type.Literal('partial'),
          Type.Literal('not_implemented'),
          Type.Literal('unanswered'),
        ]),
        text: LocalizedSchema,
        measures: Type.Array(LocalizedSchema),
        source: Type.String(),
      }),
    ),
  },
  { title: 'AssessmentScore' },
);

// The schemas mirror the stores' and the score's types: a field added to one and not the other fails to compile.
const summaryMatches: SameType<Static<typeof AssessmentSummarySchema>, AssessmentSummary> = true;
const answerMatches: SameType<Static<typeof StoredAnswerSchema>, StoredAnswer> = true;
const categoryMatches: SameType<Static<typeof CategoryScoreSchema>, CategoryScore> = true;
const scoreMatches: SameType<Static<typeof AssessmentScoreSchema>, AssessmentScore> = true;
void [summaryMatches, answerMatches, categoryMatches, scoreMatches];

import { Type, type Static } from 'typebox';
import Value from 'typebox/value';
import { ChokepointError } from '../../errors.ts';
import type { FdiCase } from '../../analysis/investment/feftaAssessment.ts';
import { resolveCountry } from '../reference/countries.ts';

/**
 * An investment case as a file (`fdi assess CASE.json`) or a request body: the FdiCase of the assessment plus,
 * optionally, the investor's entity in an imported ownership dataset, whose chain then sets the flags (state
 * control, foreign voting share, countries of concern, screening-list hits).
 */
const Fraction = Type.Number({ minimum: 0, maximum: 1 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Condition = Type.Optional(Type.Boolean());

export const FdiCaseSchema = Type.Object(
  {
    investor: Type.Object(
      {
        name: Type.String({ minLength: 1 }),
        country: Type.String({ minLength: 2, description: 'ISO3, ISO2 or name' }),
        kind: Type.Union([Type.Literal('person'), Type.Literal('company'), Type.Literal('fund')]),
        foreignVotingShare: Type.Optional(Fraction),
        foreignOfficersMajority: Type.Optional(Type.Boolean()),
        stateOwned: Type.Optional(Type.Boolean()),
        financialInstitution: Type.Optional(Type.Boolean()),
        sanctioned: Type.Optional(Type.Boolean()),
        ownershipEntity: Type.Optional(
          Type.String({ minLength: 1, description: 'entity id or identifier in the ownership dataset' }),
        ),
        ownershipDataset: Type.Optional(Type.String({ minLength: 1 })),
      },
      { additionalProperties: false },
    ),
    target: Type.Object(
      {
        name: Type.String({ minLength: 1 }),
        listed: Type.Boolean(),
        jsic: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{2,4}$' }))),
        sectors: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
      },
      { additionalProperties: false },
    ),
    action: Type.Object(
      {
        type: Type.Union([Type.Literal('acquisition'), Type.Literal('consent')]),
        holdingBefore: Type.Optional(Fraction),
        holdingAfter: Type.Optional(Fraction),
        proposal: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    commitments: Type.Optional(
      Type.Object(
        {
          noBoardSeat: Condition,
          noBusinessTransferProposal: Condition,
          noTechAccess: Condition,
          noCommitteeAttendance: Condition,
          noWrittenProposals: Condition,
        },
        { additionalProperties: false },
      ),
    ),
    acceptedOn: Type.Optional(Day),
    transactionDate: Type.Optional(Day),
  },
  { additionalProperties: false },
);

export type FdiCaseInput = Static<typeof FdiCaseSchema>;

/** Checks a parsed case; the first error names its JSON pointer. Countries become ISO3. */
export function checkFdiCase(value: unknown, file?: string): FdiCaseInput & FdiCase {
  if (!Value.Check(FdiCaseSchema, value)) {
    const errors = [...Value.Errors(FdiCaseSchema, value)].filter((e) => e.keyword !== 'boolean');
    const e = errors[0];
    const extra = e?.keyword === 'additionalProperties' ? ` (${JSON.stringify(e.params)})` : '';
    throw new ChokepointError(
      'bad_input',
      `case ${e?.instancePath || '/'}: ${e?.message ?? 'invalid'}${extra}`,
      {
        file,
        field: e?.instancePath || '/',
      },
    );
  }
  const country = resolveCountry(value.investor.country);
  if (!country)
    throw new ChokepointError('bad_input', `unknown country "${value.investor.country}"`, {
      file,
      field: '/investor/country',
    });
  return { ...value, investor: { ...value.investor, country: country.iso3 } };
}

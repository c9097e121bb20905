import { describe, expect, it } from 'vitest';
import { scoreAssessment, ScoringError } from '../../src/analysis/cyber/starScore.ts';
import { frameworkProblems, type Framework } from '../../src/analysis/cyber/framework.ts';
import { requiredStar } from '../../src/analysis/cyber/requiredStar.ts';
import { suppressSmallCells } from '../../src/analysis/cyber/smallCells.ts';

/** A two-level catalogue in the scheme's shape (★4 includes ★3), small enough to check by hand. */
const framework: Framework = {
  id: 'worked-example',
  title: { en: 'Worked example' },
  version: '1',
  publisher: 'tests',
  sources: [],
  levels: [
    { id: '★4', rank: 4, name: { ja: '★4', en: '★4' } },
    { id: '★3', rank: 3, name: { ja: '★3', en: '★3' } },
  ],
  categories: [
    { id: 'gov', name: { en: 'Governance' } },
    { id: 'pro', name: { en: 'Protect' } },
  ],
  requirements: [
    {
      id: 'G1',
      category: 'gov',
      level: '★3',
      text: { en: 'policy' },
      measures: [{ en: 'write a policy' }],
      source: 's1',
    },
    {
      id: 'P1',
      category: 'pro',
      level: '★3',
      text: { en: 'patch' },
      measures: [{ en: 'patch monthly' }],
      source: 's2',
    },
    {
      id: 'P2',
      category: 'pro',
      level: '★3',
      text: { en: 'backup' },
      measures: [{ en: 'back up' }],
      source: 's3',
    },
    {
      id: 'G2',
      category: 'gov',
      level: '★4',
      text: { en: 'suppliers' },
      measures: [{ en: 'list suppliers' }],
      source: 's4',
    },
    {
      id: 'P3',
      category: 'pro',
      level: '★4',
      text: { en: 'monitoring' },
      measures: [{ en: 'monitor logs' }],
      source: 's5',
    },
  ],
  missing: [],
};

describe('★ scoring', () => {
  it('reaches ★3 when all ★3 requirements are implemented; gaps are the ★4 ones not done', () => {
    const s = scoreAssessment(framework, {
      G1: { answer: 'implemented' },
      P1: { answer: 'implemented' },
      P2: { answer: 'not_applicable' },
      G2: { answer: 'partial' },
    });
    expect(s.level).toBe('★3');
    expect(s.targetLevel).toBe('★4');
    // gov: G1 implemented, G2 partial → (1 + 0.5) / 2 = 0.75; pro: P1 implemented, P2 n/a, P3 unanswered → 1/2.
    expect(s.scores.gov).toMatchObject({ applicable: 2, implemented: 1, partial: 1, score: 0.75 });
    expect(s.scores.pro).toMatchObject({
      applicable: 2,
      implemented: 1,
      notApplicable: 1,
      unanswered: 1,
      score: 0.5,
    });
    expect(s.overall).toEqual({ applicable: 4, implemented: 2, partial: 1, score: 2.5 / 4 });
    expect(s.gaps.map((g) => [g.requirement, g.answer, g.measures[0].en])).toEqual([
      ['G2', 'partial', 'list suppliers'],
      ['P3', 'unanswered', 'monitor logs'],
    ]);
  });
  it('a partial ★3 answer reaches no level, and ★4 needs ★3 too', () => {
    const s = scoreAssessment(framework, {
      G1: { answer: 'partial' },
      P1: { answer: 'implemented' },
      P2: { answer: 'implemented' },
      G2: { answer: 'implemented' },
      P3: { answer: 'implemented' },
    });
    expect(s.level).toBeNull();
    expect(s.targetLevel).toBe('★3');
    expect(s.gaps.map((g) => g.requirement)).toEqual(['G1']);
    const all = scoreAssessment(
      framework,
      Object.fromEntries(framework.requirements.map((r) => [r.id, { answer: 'implemented' as const }])),
    );
    expect(all.level).toBe('★4');
    expect(all.gaps).toEqual([]);
    expect(scoreAssessment(framework, {}, { targetLevel: '★4' }).gaps).toHaveLength(5);
  });
  it('refuses unknown requirements and catalogues without texts', () => {
    expect(() => scoreAssessment(framework, { X9: { answer: 'implemented' } })).toThrow(
      /no requirement "X9"/,
    );
    expect(() =>
      scoreAssessment({ ...framework, requirements: [], missing: ['texts not public'] }, {}),
    ).toThrow(ScoringError);
  });
  it('checks a catalogue for broken references', () => {
    expect(frameworkProblems(framework)).toEqual([]);
    const broken = {
      ...framework,
      requirements: [...framework.requirements, { ...framework.requirements[0], level: '★9' }],
    };
    expect(frameworkProblems(broken).map((p) => p.field)).toEqual([
      'requirements[5].id',
      'requirements[5].level',
    ]);
  });
});

describe('which ★ a buyer asks for (interim report, model decision tree)', () => {
  it('any of the three questions answered yes → ★4', () => {
    expect(
      requiredStar({
        confidentialInformation: false,
        unacceptableDelay: true,
        accessToInternalSystems: false,
      }).level,
    ).toBe('★4');
    expect(
      requiredStar({
        confidentialInformation: false,
        unacceptableDelay: false,
        accessToInternalSystems: false,
      }).level,
    ).toBe('★3');
    expect(
      requiredStar({
        confidentialInformation: false,
        unacceptableDelay: false,
        accessToInternalSystems: false,
        raisedBy: ['sole supplier'],
      }),
    ).toEqual({
      level: '★4',
      because: ['sole supplier'],
    });
  });
});

describe('aggregates without small cells (k = 3)', () => {
  it('hides cells of 1–2 organisations and, with a total, a second cell so the first cannot be recovered', () => {
    const r = suppressSmallCells(
      [
        { key: '★3', organisations: 5, value: 5 },
        { key: '★4', organisations: 2, value: 2 },
        { key: 'none', organisations: 4, value: 4 },
      ],
      { organisations: 11, value: 11 },
    );
    expect(r.cells.map((c) => [c.key, c.value])).toEqual([
      ['★3', 5],
      ['★4', null],
      ['none', null], // the smallest shown cell, else ★4 = 11 − 5 − 4
    ]);
    expect(r.total).toEqual({ organisations: 11, value: 11, suppressed: false });
    const small = suppressSmallCells([{ key: '★3', organisations: 2, value: 2 }], {
      organisations: 2,
      value: 2,
    });
    expect(small.total).toEqual({ organisations: null, value: null, suppressed: true });
    // Empty cells are not disclosive and are shown as 0.
    expect(suppressSmallCells([{ key: 'x', organisations: 0, value: 0 }], null).cells[0]).toMatchObject({
      value: 0,
      suppressed: false,
    });
  });
});

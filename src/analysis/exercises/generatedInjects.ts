import type { ExerciseDesign, Inject } from './exercise.ts';
import { sortInjects } from './injectGeneration.ts';
import { templateTeams } from './templates.ts';

/**
 * Generated injects added to an exercise written by hand (the designer's "generate from the scenario run"): each
 * generated inject is meant for the government, industry or like-minded partners; it goes to the design's team
 * of that id (gov, industry, partners, as the templates name them) and to every team when the design has none.
 */
export function generationTeams(design: Pick<ExerciseDesign, 'teams'>): typeof templateTeams {
  const has = (id: string) => design.teams.some((t) => t.id === id);
  return {
    government: has(templateTeams.government) ? templateTeams.government : 'all',
    industry: has(templateTeams.industry) ? templateTeams.industry : 'all',
    partners: has(templateTeams.partners) ? templateTeams.partners : 'all',
  };
}

/**
 * The exercise's injects with the generated ones added, in timeline order. A generated id the exercise already
 * uses (the same run added twice, or a hand-written inject of that name) is prefixed with `prefix` until free, so
 * no inject — nor the decisions and scores that point at it — is replaced.
 */
export function withGeneratedInjects(
  existing: readonly Inject[],
  generated: readonly Inject[],
  prefix: string,
): Inject[] {
  const used = new Set(existing.map((i) => i.id));
  const added = generated.map((inject) => {
    let id = inject.id;
    while (used.has(id)) id = `${prefix}-${id}`;
    used.add(id);
    return id === inject.id
      ? inject
      : {
          ...inject,
          id,
          expectations: inject.expectations.map((e) => ({ ...e, id: `${prefix}-${e.id}` })),
        };
  });
  return sortInjects([...existing, ...added]);
}

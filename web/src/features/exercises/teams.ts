type Team = { id: string; name: { ja: string; en: string } };

/** A team's name in the page's language; `all` (every team) by the label given, an unknown id as itself. */
export function teamName(teams: readonly Team[], id: string, l: 'ja' | 'en', all = id): string {
  if (id === 'all') return all;
  return teams.find((t) => t.id === id)?.name[l] ?? id;
}

/** The field an API error names (`error.place.field`, e.g. `rules[0].when[1].threshold`), when the client passes it on. */
export function errorField(e: unknown): string | undefined {
  return (e as { place?: { field?: string } } | null)?.place?.field;
}

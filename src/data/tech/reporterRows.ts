/**
 * A group reporter (EU27, G7 …) in the zone indicators: its members' rows taken together as one country, so that
 * RTA, RCA, shares and concentration treat the group as one economy among the others (as the screen treats a
 * group reporter). The rows of other countries are left as they are. Flows between members stay in the totals
 * (patent counts have none; exports between members do count as exports) — the zone notes say so.
 */
export function asOneCountry<T extends object, C extends keyof T & string, A extends keyof T & string>(
  rows: readonly T[],
  country: C,
  amount: A,
  members: ReadonlySet<string>,
  id: string,
): T[] {
  const kept: T[] = [];
  const merged = new Map<string, T>();
  for (const row of rows) {
    if (!members.has(String(row[country]))) {
      kept.push(row);
      continue;
    }
    // Rows are merged when they agree on every other column (field and year; product).
    const key = JSON.stringify(Object.entries(row).filter(([k]) => k !== country && k !== amount));
    const into = merged.get(key);
    if (into) (into[amount] as number) += Number(row[amount]);
    else merged.set(key, { ...row, [country]: id, [amount]: Number(row[amount]) });
  }
  return [...kept, ...merged.values()];
}

/** HS chapters 01–97 (77 is reserved in the HS), offered as bare codes when no nomenclature gives titles. */
export const chapterCodes = Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')).filter(
  (c) => c !== '77',
);

/** "28 — 無機化学品及び貴金属、希土類金属…": the code and its title, cut to fit a picker (the full title in `title`). */
export function chapterOptionText(code: string, title: string, max = 40): string {
  if (!title) return code;
  const chars = [...title];
  return `${code} — ${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : title}`;
}

/** A catalogue text in the user's language, falling back to the other one (catalogues may lack either). */
export function localized(text: { ja?: string; en?: string } | null | undefined, language: string): string {
  if (!text) return '';
  return (language === 'ja' ? (text.ja ?? text.en) : (text.en ?? text.ja)) ?? '';
}

/** The API's bilingual texts in the page's language. */
export const lang = (language: string): 'ja' | 'en' => (language === 'ja' ? 'ja' : 'en');

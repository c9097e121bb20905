import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/errors.ts';
import { errorReasons } from '../../src/errorReasons.ts';
import { errorTexts } from '../../web/src/api/errorTexts.ts';

/**
 * Every error the server can emit can be said in Japanese and in English (issue 27): each code, each reason
 * (whose English text is the server's message template) and each object a "… not found" names in src/.
 */
const srcDir = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Objects named by "scenario not found", `group "${id}" not found` and the `what` of markings' checks. */
function notFoundObjects(): Set<string> {
  const objects = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['`]([A-Za-z][A-Za-z -]*?)(?: "\$\{[^}]+\}")? not found['`]/g))
      objects.add(m[1]);
    for (const m of text.matchAll(/assertReadable\([^,]+,[^,]+,\s*'([^']+)'/g)) objects.add(m[1]);
    for (const m of text.matchAll(/\bwhat: '([^']+)'/g)) objects.add(m[1]);
  }
  return objects;
}

describe('API error texts', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`has a ${lang} text for every error code and reason`, () => {
      const texts = errorTexts[lang];
      expect(Object.keys(texts.code).sort()).toEqual([...errorCodes].sort());
      expect(Object.keys(texts.reason).sort()).toEqual(Object.keys(errorReasons).sort());
      for (const t of [...Object.values(texts.code), ...Object.values(texts.reason)])
        expect(t.trim()).not.toBe('');
    });
  }

  it('says in Japanese only Japanese words, besides parameters and codes', () => {
    for (const [key, text] of Object.entries({ ...errorTexts.ja.code, ...errorTexts.ja.reason })) {
      const words = text
        .replace(/\{\{\w+\}\}/g, '')
        .replace(/"[^"]*"/g, '')
        .replace(/\b(ISO3|CHN|BACI|HS6|SBOM)\b/g, '');
      expect(/[A-Za-z]{3,}/.test(words), `${key}: ${text}`).toBe(false);
    }
  });

  it('uses the server’s message templates as the English texts of reasons, with the same parameters', () => {
    for (const [reason, template] of Object.entries(errorReasons)) {
      expect(errorTexts.en.reason[reason as keyof typeof errorReasons]).toBe(template);
      const params = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(params(errorTexts.ja.reason[reason as keyof typeof errorReasons]), reason).toEqual(
        params(template),
      );
    }
  });

  it('names in both languages every object a “not found” error names', () => {
    const objects = notFoundObjects();
    expect(objects).toContain('scenario');
    expect(objects).toContain('rule set');
    for (const o of objects) {
      expect(errorTexts.en.object, o).toHaveProperty([o]);
      expect(errorTexts.ja.object, o).toHaveProperty([o]);
    }
  });
});

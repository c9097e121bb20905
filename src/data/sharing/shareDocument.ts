import {
  markingText,
  type Dossier,
  type DossierSection,
  type DossierTable,
  type Lang,
} from '../tech/dossier.ts';
import type { Share } from './shareStore.ts';

/**
 * A shared result as a document (the dossier model the PDF writer renders, and the HTML page below): the share's
 * marking on every page, and for a signed link the recipient's name as a watermark on every page. An exercise
 * report's snapshot is already such a document; any other snapshot (a JSON result) is laid out generically: its
 * plain fields as one table, each list of records as a table of its plain fields, each nested record as a table.
 */
const maxRows = 500;
const maxColumns = 12;

const words = {
  sharedBy: { ja: '共有者', en: 'Shared by' },
  sharedAt: { ja: '共有日時', en: 'Shared at' },
  expires: { ja: '有効期限', en: 'Expires' },
  note: { ja: '付記', en: 'Note' },
  summary: { ja: '概要', en: 'Summary' },
  field: { ja: '項目', en: 'field' },
  value: { ja: '値', en: 'value' },
  more: { ja: '件(以降省略)', en: 'rows (the rest left out)' },
  readFor: { ja: '閲覧者', en: 'For' },
};

type Cell = string | number | null;
const isPlain = (v: unknown): v is string | number | boolean | null =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);
const cell = (v: unknown): Cell =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isDocument = (v: unknown): v is Pick<Dossier, 'title' | 'sections' | 'synthetic'> =>
  isRecord(v) && typeof v.title === 'string' && Array.isArray(v.sections);

function plainTable(record: Record<string, unknown>, lang: Lang): DossierTable | undefined {
  const rows = Object.entries(record)
    .filter(([k, v]) => k !== 'marking' && isPlain(v))
    .map(([k, v]): Cell[] => [k, cell(v)]);
  return rows.length ? { columns: [words.field[lang], words.value[lang]], rows } : undefined;
}

function recordsTable(
  records: Record<string, unknown>[],
  lang: Lang,
): { table: DossierTable; text?: string[] } {
  const columns: string[] = [];
  for (const r of records.slice(0, 50))
    for (const [k, v] of Object.entries(r))
      if (k !== 'marking' && isPlain(v) && !columns.includes(k) && columns.length < maxColumns)
        columns.push(k);
  const rows = records.slice(0, maxRows).map((r) => columns.map((c) => cell(r[c])));
  const text = records.length > maxRows ? [`${records.length} ${words.more[lang]}`] : undefined;
  return { table: { columns, rows }, text };
}

function genericSections(snapshot: unknown, lang: Lang): DossierSection[] {
  if (!isRecord(snapshot)) return [{ heading: words.summary[lang], text: [JSON.stringify(snapshot)] }];
  const sections: DossierSection[] = [];
  const summary = plainTable(snapshot, lang);
  if (summary) sections.push({ heading: words.summary[lang], table: summary });
  for (const [key, value] of Object.entries(snapshot)) {
    if (key === 'marking') continue;
    if (Array.isArray(value) && value.length && value.every(isRecord)) {
      const { table, text } = recordsTable(value, lang);
      if (table.columns.length) sections.push({ heading: key, table, text });
    } else if (Array.isArray(value) && value.length && value.every(isPlain)) {
      sections.push({ heading: key, text: [value.map((v) => String(v)).join(', ')] });
    } else if (isRecord(value)) {
      const table = plainTable(value, lang);
      if (table) sections.push({ heading: key, table });
    }
  }
  return sections;
}

export function shareDocument(share: Share, lang: Lang, watermark?: string): Dossier {
  const snapshot = share.snapshot;
  const about: DossierSection = {
    heading: share.title,
    text: [
      `${words.sharedBy[lang]}: ${share.sender}`,
      `${words.sharedAt[lang]}: ${share.createdAt}`,
      `${words.expires[lang]}: ${share.expiresAt}`,
      ...(share.note ? [`${words.note[lang]}: ${share.note}`] : []),
      ...(watermark ? [`${words.readFor[lang]}: ${watermark}`] : []),
    ],
  };
  const sections = isDocument(snapshot) ? snapshot.sections : genericSections(snapshot, lang);
  return {
    entryId: share.id,
    lang,
    title: isDocument(snapshot) ? snapshot.title : share.title,
    reporter: share.source.reporter ?? '',
    generatedAt: share.createdAt,
    marking: share.marking,
    markingText: markingText(share.marking, lang),
    synthetic: isDocument(snapshot)
      ? Boolean(snapshot.synthetic)
      : JSON.stringify(snapshot).includes('"synthetic":true'),
    sections: [about, ...sections],
    watermark,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The document as one self-contained HTML page (no scripts, no external resources): the marking band and the
 * watermark are fixed-position elements, which browsers repeat on every printed page.
 */
export function documentHtml(document: Dossier): string {
  const e = escapeHtml;
  const band = e(`${document.markingText}${document.synthetic ? ' — SYNTHETIC / 合成データ' : ''}`);
  const table = (t: DossierTable) =>
    `<table><thead><tr>${t.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead><tbody>${t.rows
      .map((r) => `<tr>${r.map((c) => `<td>${c === null ? '—' : e(String(c))}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const body = document.sections
    .map(
      (s) =>
        `<section><h2>${e(s.heading)}</h2>${(s.text ?? []).map((t) => `<p>${e(t)}</p>`).join('')}${s.table ? table(s.table) : ''}</section>`,
    )
    .join('\n');
  const mark = document.watermark
    ? `<div class="watermark" aria-hidden="true">${e(document.watermark)}</div>`
    : '';
  return `<!doctype html>
<html lang="${document.lang}"><head><meta charset="utf-8"><title>${e(document.title)}</title>
<style>
body{font-family:sans-serif;margin:3em 2em}
.band{position:fixed;left:0;right:0;text-align:center;font-size:12px;color:${document.marking.level > 0 ? '#b00000' : '#444'};background:#fff}
.band.top{top:0}.band.bottom{bottom:0}
.watermark{position:fixed;top:45%;left:0;right:0;text-align:center;font-size:40px;color:rgba(0,0,0,.12);transform:rotate(-35deg);pointer-events:none}
table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #bbb;padding:2px 4px}
</style></head>
<body>
<div class="band top">${band}</div>
${mark}
<h1>${e(document.title)}</h1>
${body}
<div class="band bottom">${band}</div>
</body></html>
`;
}

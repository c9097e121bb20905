import { ChokepointError } from '../../errors.ts';
import type { Framework, Requirement } from '../../analysis/cyber/framework.ts';

/**
 * CISO Assistant libraries (intuitem/ciso-assistant-community, backend/library/libraries/*.yaml): `urn`,
 * `locale`, `name`, `version`, `provider`, `copyright`, `objects.framework.requirement_nodes[]` with `urn`,
 * `parent_urn`, `ref_id`, `name`, `description`, `depth`, `assessable`, optional `translations` {ja: {name,
 * description}}. Each assessable node becomes a requirement whose category is its top-level ancestor (depth 1);
 * the library has no ★ levels, so the catalogue gets one level, "conformant" (every requirement implemented).
 * A library's `implementation_groups` are kept as the category when the library defines them and the node names
 * exactly one (the CISA vendor SCRM template uses them for its sections).
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isCisoAssistantLibrary(doc: unknown): doc is Json {
  return (
    isObject(doc) &&
    isObject(doc.objects) &&
    isObject(doc.objects.framework) &&
    Array.isArray(doc.objects.framework.requirement_nodes)
  );
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

export function cisoAssistantFramework(doc: Json, file: string): Framework {
  const fw = (doc.objects as Json).framework as Json;
  const nodes = fw.requirement_nodes as unknown[];
  const byUrn = new Map<string, Json>();
  nodes.forEach((n, i) => {
    if (!isObject(n) || typeof n.urn !== 'string')
      throw new ChokepointError('bad_file', 'a requirement node needs a urn', {
        file,
        field: `objects.framework.requirement_nodes[${i}].urn`,
      });
    byUrn.set(n.urn, n);
  });
  const top = (n: Json): Json => {
    let cur = n;
    for (
      let guard = 0;
      typeof cur.parent_urn === 'string' && byUrn.has(cur.parent_urn) && guard < 50;
      guard++
    )
      cur = byUrn.get(cur.parent_urn)!;
    return cur;
  };
  const label = (n: Json) =>
    [n.ref_id, n.name]
      .filter((x) => typeof x === 'string' && x.trim())
      .join(' ')
      .trim() || String(n.urn);
  const ja = (n: Json, key: 'name' | 'description'): string | undefined => {
    const t = isObject(n.translations) && isObject(n.translations.ja) ? n.translations.ja[key] : undefined;
    return typeof t === 'string' ? t : undefined;
  };
  const categories = new Map<string, { id: string; name: { en: string; ja?: string } }>();
  const requirements: Requirement[] = [];
  for (const raw of nodes) {
    const n = raw as Json;
    if (n.assessable !== true) continue;
    const root = top(n);
    const categoryId = String(root.ref_id ?? root.urn);
    if (!categories.has(categoryId))
      categories.set(categoryId, {
        id: categoryId,
        name: { en: label(root), ...(ja(root, 'name') ? { ja: ja(root, 'name') } : {}) },
      });
    const questions = isObject(n.questions)
      ? Object.values(n.questions).flatMap((q) => (isObject(q) && typeof q.text === 'string' ? [q.text] : []))
      : [];
    const text =
      [typeof n.description === 'string' ? n.description : '', ...questions].filter(Boolean).join('\n') ||
      label(n);
    requirements.push({
      id: String(n.ref_id ?? n.urn),
      category: categoryId,
      level: 'conformant',
      text: {
        en: typeof n.name === 'string' && n.name !== text ? `${n.name}: ${text}` : text,
        ...(ja(n, 'description') ? { ja: ja(n, 'description') } : {}),
      },
      measures: typeof n.annotation === 'string' ? [{ en: n.annotation }] : [],
      source: `${String(doc.name ?? fw.name)} ${String(n.ref_id ?? n.urn)} (CISO Assistant library ${String(doc.urn)}, version ${String(doc.version)})`,
    });
  }
  // ref_ids are unique in the libraries copied; a library reusing one would fail frameworkProblems with the field.
  return {
    id: slug(String(doc.ref_id ?? fw.ref_id ?? doc.urn)),
    title: { en: String(doc.name ?? fw.name) },
    version: String(doc.version ?? ''),
    publisher: String(doc.provider ?? doc.copyright ?? 'unknown'),
    sources: [
      {
        title: String(doc.name),
        publisher: String(doc.provider ?? ''),
        ...(doc.publication_date ? { date: String(doc.publication_date) } : {}),
      },
    ],
    levels: [{ id: 'conformant', rank: 1, name: { ja: '適合', en: 'conformant' } }],
    categories: [...categories.values()],
    requirements,
    missing: [],
    notes: `Imported from a CISO Assistant library (${String(doc.urn)}); copyright: ${String(doc.copyright ?? 'not stated')}.`,
  };
}

import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ChokepointError } from '../../errors.ts';
import {
  frameworkProblems,
  type Framework,
  type Localized,
  type Requirement,
} from '../../analysis/cyber/framework.ts';
import { cisoAssistantFramework, isCisoAssistantLibrary } from './cisoAssistant.ts';

/**
 * Reads a requirement catalogue file: chokepoint's format (YAML or JSON: id, title {ja, en}, version, publisher,
 * sources, levels, categories, requirements, missing; docs/cyber.md "Catalogue format") or a CISO Assistant
 * library (recognised by `objects.framework.requirement_nodes`). Every problem names its field.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseFrameworkText(text: string, label: string): Framework {
  let doc: unknown;
  try {
    doc = YAML.parse(text, { maxAliasCount: 100 });
  } catch (error) {
    const e = error as { message: string; linePos?: { line: number }[] };
    throw new ChokepointError('bad_file', `not valid YAML/JSON: ${e.message.split('\n')[0]}`, {
      file: label,
      line: e.linePos?.[0]?.line,
    });
  }
  const framework = isCisoAssistantLibrary(doc)
    ? cisoAssistantFramework(doc, label)
    : frameworkOf(doc, label);
  const problems = frameworkProblems(framework);
  if (problems.length)
    throw new ChokepointError(
      'bad_file',
      `${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`,
      {
        file: label,
        field: problems[0].field,
      },
    );
  return framework;
}

export function readFrameworkFile(file: string): Framework {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no file ${file}`, { file });
  return parseFrameworkText(fs.readFileSync(file, 'utf8'), path.basename(file));
}

function frameworkOf(doc: unknown, file: string): Framework {
  const bad = (field: string, message: string) => new ChokepointError('bad_file', message, { file, field });
  if (!isObject(doc)) throw bad('/', 'a catalogue is an object');
  const text = (v: unknown, field: string, required = true): string => {
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number') return String(v);
    if (!required && v === undefined) return '';
    throw bad(field, 'must be a non-empty text');
  };
  const localized = (v: unknown, field: string): Localized => {
    if (typeof v === 'string') return { en: v };
    if (!isObject(v) || (typeof v.ja !== 'string' && typeof v.en !== 'string'))
      throw bad(field, 'must be {ja, en} (at least one)');
    return {
      ...(typeof v.ja === 'string' ? { ja: v.ja } : {}),
      ...(typeof v.en === 'string' ? { en: v.en } : {}),
    };
  };
  const list = (v: unknown, field: string): unknown[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw bad(field, 'must be a list');
    return v;
  };
  return {
    id: text(doc.id, 'id'),
    title: localized(doc.title, 'title'),
    version: text(doc.version, 'version'),
    publisher: text(doc.publisher, 'publisher'),
    sources: list(doc.sources, 'sources').map((s, i) => {
      if (!isObject(s)) throw bad(`sources[${i}]`, 'a source is {title, publisher?, date?, url?}');
      return {
        title: text(s.title, `sources[${i}].title`),
        ...(s.publisher ? { publisher: text(s.publisher, `sources[${i}].publisher`) } : {}),
        ...(s.date ? { date: text(s.date, `sources[${i}].date`) } : {}),
        ...(s.url ? { url: text(s.url, `sources[${i}].url`) } : {}),
      };
    }),
    levels: list(doc.levels, 'levels').map((l, i) => {
      if (!isObject(l) || typeof l.rank !== 'number')
        throw bad(`levels[${i}]`, 'a level is {id, rank (number), name}');
      return {
        id: text(l.id, `levels[${i}].id`),
        rank: l.rank,
        name: localized(l.name, `levels[${i}].name`),
        ...(l.assessment === 'self' || l.assessment === 'third-party' ? { assessment: l.assessment } : {}),
        ...(l.description ? { description: localized(l.description, `levels[${i}].description`) } : {}),
        ...(typeof l.publishedCount === 'number' ? { publishedCount: l.publishedCount } : {}),
      };
    }),
    categories: list(doc.categories, 'categories').map((c, i) => {
      if (!isObject(c)) throw bad(`categories[${i}]`, 'a category is {id, name}');
      return { id: text(c.id, `categories[${i}].id`), name: localized(c.name, `categories[${i}].name`) };
    }),
    requirements: list(doc.requirements, 'requirements').map((r, i): Requirement => {
      if (!isObject(r))
        throw bad(`requirements[${i}]`, 'a requirement is {id, category, level, text, measures, source}');
      return {
        id: text(r.id, `requirements[${i}].id`),
        category: text(r.category, `requirements[${i}].category`),
        level: text(r.level, `requirements[${i}].level`),
        text: localized(r.text, `requirements[${i}].text`),
        measures: list(r.measures, `requirements[${i}].measures`).map((m, j) =>
          localized(m, `requirements[${i}].measures[${j}]`),
        ),
        source: text(r.source, `requirements[${i}].source`),
      };
    }),
    missing: list(doc.missing, 'missing').map((m, i) => text(m, `missing[${i}]`)),
    ...(doc.mappings !== undefined
      ? {
          mappings: list(doc.mappings, 'mappings').map((m, i) => {
            if (!isObject(m)) throw bad(`mappings[${i}]`, 'a mapping is {requirement, framework, target}');
            return {
              requirement: text(m.requirement, `mappings[${i}].requirement`),
              framework: text(m.framework, `mappings[${i}].framework`),
              target: text(m.target, `mappings[${i}].target`),
            };
          }),
        }
      : {}),
    ...(typeof doc.notes === 'string' ? { notes: doc.notes } : {}),
  };
}

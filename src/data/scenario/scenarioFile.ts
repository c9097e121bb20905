import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ChokepointError } from '../../errors.ts';
import {
  validateScenario,
  type CountryRef,
  type ScenarioDefinition,
  type ScenarioLookup,
} from '../../analysis/scenario/definition.ts';
import { countryByIso3, resolveCountry, type Country } from '../reference/countries.ts';
import { builtInGroups, type CountryGroup } from '../reference/groups.ts';
import { inlineConcordanceFile } from './concordanceFile.ts';

/**
 * Passages a closure can name: the marnet tags and the geofenced straits of PRODUCT.md §3.3. (Kept here until
 * the maritime module's passage list is published; the names are the same.)
 */
export const scenarioPassages: readonly string[] = Object.freeze([
  'suez',
  'panama',
  'malacca',
  'ormuz',
  'babalmandab',
  'gibraltar',
  'bosporus',
  'dardanelles',
  'sunda',
  'south_africa',
  'chili',
  'bering',
  'northwest',
  'taiwan',
  'luzon',
  'lombok',
  'makassar',
  'dover',
  'korea',
  'tsugaru',
]);

export function countryRef(c: Country): CountryRef {
  return { iso3: c.iso3, codes: [...c.baciCodes], en: c.en, ja: c.ja };
}

/** Countries by ISO3, BACI code or name; groups (LIKE_MINDED, G7 …) by id, from the edited set when given. */
export function scenarioLookup(groups: readonly CountryGroup[] = builtInGroups): ScenarioLookup {
  return {
    country(text) {
      const c = resolveCountry(text);
      return c ? countryRef(c) : undefined;
    },
    group(name) {
      const key = name
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_');
      const g = groups.find((x) => x.id.toUpperCase() === key);
      if (!g) return undefined;
      return g.members
        .map((iso3) => countryByIso3(iso3))
        .filter((c): c is Country => c !== undefined)
        .map(countryRef);
    },
    passages: scenarioPassages,
  };
}

/** Parses scenario text (YAML, of which JSON is a subset), with YAML syntax errors reported by line. */
export function parseScenarioText(
  text: string,
  file?: string,
  groups?: readonly CountryGroup[],
  /** The operator's file on disk (CLI only): a concordance file named beside it is read and put inline. */
  localFile?: string,
): ScenarioDefinition {
  let raw: unknown;
  try {
    raw = YAML.parse(text, { prettyErrors: true });
  } catch (error) {
    const e = error as { message: string; linePos?: { line: number; col: number }[] };
    throw new ChokepointError('bad_file', `not valid YAML/JSON: ${e.message.split('\n')[0]}`, {
      file,
      line: e.linePos?.[0]?.line,
    });
  }
  if (localFile) raw = inlineConcordanceFile(raw, localFile);
  return validateScenario(raw, scenarioLookup(groups), file);
}

export function readScenarioFile(
  file: string,
  groups?: readonly CountryGroup[],
): { definition: ScenarioDefinition; text: string } {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such scenario file', { file });
  const text = fs.readFileSync(file, 'utf8');
  return { definition: parseScenarioText(text, path.basename(file), groups, file), text };
}

import fs from 'node:fs';
import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import { packageRoot } from '../../packageRoot.ts';
import type { FeftaRules } from '../../analysis/investment/feftaRules.ts';
import { isObject, parseJsonText } from '../ownership/jsonText.ts';

/**
 * The FEFTA rules: the shipped, cited file src/data/investment/feftaRules.json, or a user's edited copy
 * (`--rules FILE`). A copy is checked where a mistake would silently change a verdict: every sector with an id,
 * names, a core flag and JSIC codes of 2–4 digits; thresholds between 0 and 1; a review period in days.
 */
export const shippedFeftaRulesFile = path.join(packageRoot(), 'src', 'data', 'investment', 'feftaRules.json');

function fraction(v: unknown, file: string, field: string): void {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1))
    throw new ChokepointError('bad_file', `${field} must be a number between 0 and 1`, { file, field });
}

export function parseFeftaRules(text: string, file: string): FeftaRules {
  const doc = parseJsonText(text, file);
  if (!isObject(doc)) throw new ChokepointError('bad_file', 'the rules file is a JSON object', { file });
  const rules = doc as unknown as FeftaRules;
  if (!Array.isArray(rules.sectors) || rules.sectors.length === 0)
    throw new ChokepointError('bad_file', 'sectors must be a non-empty array', { file, field: 'sectors' });
  const ids = new Set<string>();
  rules.sectors.forEach((s, i) => {
    const at = `sectors[${i}]`;
    if (!isObject(s) || typeof s.id !== 'string' || !s.id)
      throw new ChokepointError('bad_file', 'a sector needs an id', { file, field: `${at}.id` });
    if (ids.has(s.id))
      throw new ChokepointError('bad_file', `sector id "${s.id}" is repeated`, { file, field: `${at}.id` });
    ids.add(s.id);
    if (typeof s.en !== 'string' || typeof s.ja !== 'string')
      throw new ChokepointError('bad_file', `sector ${s.id} needs en and ja names`, { file, field: at });
    if (typeof s.core !== 'boolean')
      throw new ChokepointError('bad_file', `sector ${s.id}: core must be true or false`, {
        file,
        field: `${at}.core`,
      });
    if (!Array.isArray(s.jsic))
      throw new ChokepointError('bad_file', `sector ${s.id}: jsic must be an array`, {
        file,
        field: `${at}.jsic`,
      });
    s.jsic.forEach((j, k) => {
      if (!isObject(j) || typeof j.code !== 'string' || !/^\d{2,4}$/.test(j.code))
        throw new ChokepointError('bad_file', `sector ${s.id}: a JSIC code is 2–4 digits`, {
          file,
          field: `${at}.jsic[${k}].code`,
        });
    });
    if (typeof s.cite !== 'string' || !s.cite)
      throw new ChokepointError('bad_file', `sector ${s.id} needs a citation (cite)`, {
        file,
        field: `${at}.cite`,
      });
  });
  fraction(rules.triggers?.listedThreshold, file, 'triggers.listedThreshold');
  fraction(
    rules.foreignInvestor?.domesticEntityForeignVotingShare,
    file,
    'foreignInvestor.domesticEntityForeignVotingShare',
  );
  fraction(rules.postReport?.nonDesignatedListedThreshold, file, 'postReport.nonDesignatedListedThreshold');
  for (const kind of ['blanket', 'general'] as const) {
    const e = rules.exemptions?.[kind];
    if (!isObject(e))
      throw new ChokepointError('bad_file', `exemptions.${kind} is missing`, {
        file,
        field: `exemptions.${kind}`,
      });
    if (e.coreCap !== null) fraction(e.coreCap, file, `exemptions.${kind}.coreCap`);
    for (const key of ['postReportThresholds', 'postReportCoreThresholds'] as const)
      (Array.isArray(e[key]) ? e[key] : [Number.NaN]).forEach((t, k) =>
        fraction(t, file, `exemptions.${kind}.${key}[${k}]`),
      );
  }
  if (!Number.isInteger(rules.review?.days) || rules.review.days < 1)
    throw new ChokepointError('bad_file', 'review.days must be a positive whole number', {
      file,
      field: 'review.days',
    });
  return rules;
}

let shipped: FeftaRules | undefined;

/** The rules of a file, or the shipped ones. */
export function loadFeftaRules(file?: string): FeftaRules {
  if (file) {
    if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no file ${file}`, { file });
    return parseFeftaRules(fs.readFileSync(file, 'utf8'), path.basename(file));
  }
  shipped ??= parseFeftaRules(fs.readFileSync(shippedFeftaRulesFile, 'utf8'), 'feftaRules.json');
  return shipped;
}

import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { defaultRuleSet, validateRuleSet, type RuleSet } from '../../analysis/ews/rules.ts';
import { readableSql } from '../security/markingSql.ts';
import { mayRead, recordObjectRead, type Reader } from '../security/readContext.ts';
import { notFound } from '../../errors.ts';

/** EWS rule sets (docs/ews.md): 'default' is shipped with chokepoint; others are stored in ews_rule_sets. */

/**
 * Rule set by id: 'default' is the shipped one; others are stored in ews_rule_sets. Reading a stored one records
 * its marking (readContext.ts), and one the reader may not read is missing, exactly like an unknown id.
 */
export async function ruleSetById(state: StateDb, id: string): Promise<RuleSet> {
  if (id === 'default') return defaultRuleSet;
  const rows = await state.query<{ body: unknown; marking: Marking }>(
    'SELECT body, marking FROM ews_rule_sets WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (!row || !mayRead(row.marking)) throw notFound(`rule set "${id}" not found`, { field: 'ruleSet' });
  recordObjectRead('ews-rule-set', id, row.marking);
  return storedRuleSet(id, row.body);
}

/** The stored marking of a rule set (undefined when there is none), for the rules of marking changes. */
export async function ruleSetMarking(state: StateDb, id: string): Promise<Marking | undefined> {
  const rows = await state.query<{ marking: Marking }>('SELECT marking FROM ews_rule_sets WHERE id = $1', [
    id,
  ]);
  return rows[0]?.marking;
}

/** A rule set as stored, validated again: a body saved before a parameter existed gets the parameter's default. */
export function storedRuleSet(id: string, body: unknown): RuleSet {
  return validateRuleSet(body, `rule set ${id}`);
}

/** The stored rule sets the reader may read (every one without a reader), by id, brought to the current form. */
export async function storedRuleSets(
  state: StateDb,
  reader: Reader | undefined,
): Promise<{ id: string; body: RuleSet; marking: Marking }[]> {
  const r = readableSql(reader, 'marking', 1);
  const rows = await state.query<{ id: string; body: unknown; marking: Marking }>(
    `SELECT id, body, marking FROM ews_rule_sets WHERE ${r.sql} ORDER BY id`,
    r.params,
  );
  return rows.map((row) => ({ ...row, body: storedRuleSet(row.id, row.body) }));
}

/** Saves a validated rule set under its id (replacing the body and marking of a stored one). */
export async function saveRuleSet(
  state: StateDb,
  ruleSet: RuleSet,
  marking: Marking,
  updatedBy: string,
): Promise<void> {
  await state.query(
    `INSERT INTO ews_rule_sets (id, body, marking, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, marking = EXCLUDED.marking, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [ruleSet.id, JSON.stringify(ruleSet), JSON.stringify(marking), updatedBy],
  );
}

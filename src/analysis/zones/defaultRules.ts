import raw from './defaultRules.json' with { type: 'json' };
import { parseRuleSet, type ZoneRuleSet } from './rules.ts';

/** The default rule set (docs/zones.md explains each rule); copy the JSON, edit it and pass it with --rules. */
export const defaultRuleSet: ZoneRuleSet = parseRuleSet(raw, 'src/analysis/zones/defaultRules.json');

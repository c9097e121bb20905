import { badInput } from '../../errors.ts';
import type { DialogueRecord, Finding } from './dialogueRecord.ts';

/**
 * The text of a scenario draft opened from a dialogue finding (issue 24): the finding's country cuts its exports of
 * the finding's product for six months — a starting point the analyst edits before running it. Strings are written
 * as JSON (valid YAML), so nothing in a finding can change the scenario's structure.
 */
export function scenarioDraftText(
  record: Pick<DialogueRecord, 'title' | 'heldOn'>,
  finding: Finding,
  index: number,
): string {
  if (!finding.product || !finding.country)
    throw badInput('a scenario draft needs the finding’s product (HS6) and country', {
      field: `findings[${index}]`,
    });
  const q = JSON.stringify;
  const about = `${finding.country} ${finding.product} (${record.heldOn} ${record.title})`;
  return [
    `# Draft from a dialogue finding: ${JSON.stringify(finding.text).slice(0, 200)}`,
    `name: ${q(`Draft from dialogue: ${about}`)}`,
    `nameJa: ${q(`官民対話からの下書き: ${about}`)}`,
    'shocks:',
    '  - type: export-cut',
    `    exporter: ${q(finding.country)}`,
    `    products: [${q(finding.product)}]`,
    '    share: 100%',
    '    duration: 6 months',
    '',
  ].join('\n');
}

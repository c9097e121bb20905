import type { ExemptionCondition, ExemptionRule, FeftaRules, FeftaSector } from './feftaRules.ts';

/**
 * Which FEFTA procedure an inward investment needs, following the published rule path (foreign investor →
 * covered act → designated / core sector → exemption → procedure), each step recorded with its citation:
 *
 * 1. Foreign investor (外為法 26条1項): a non-resident individual, a foreign legal person, or a domestic company whose
 *    voting rights foreign investors hold 50 % or more (directly or through companies they hold) or whose officers
 *    are mostly non-residents. Otherwise nothing applies.
 * 2. Covered act (26条2項, 政令2条): ≥ 1 % of a listed company (with closely related persons), any share of an
 *    unlisted company, or consenting to a listed proposal (listed: while holding ≥ 1 % of the voting rights).
 * 3. Sector: a target business in a designated sector (指定業種) needs prior notification unless an exemption
 *    applies; in a non-designated sector, a post-transaction report when a listed holding reaches 10 % or any
 *    unlisted share is acquired (55条の5).
 * 4. Exemptions (27条の2, 政令3条の2): 包括免除 for foreign financial institutions; 一般免除 for others except
 *    state-owned investors and those sanctioned under FEFTA, when they keep the conditions (3, plus 2 more for
 *    core sectors), core-sector holdings stay below 10 % and, for core sectors, the company is listed; never for
 *    consenting to appoint directors or transfer a business (the conditions exclude them). An exempt investment
 *    is reported afterwards when it crosses a reporting threshold (core: 1 %, 3 %, 10 %; otherwise 10 %).
 * 5. Prior notification: no transaction within 30 days of acceptance (27条2項), shortened or extended up to five
 *    months (27条3項・6項); the deadline is acceptance + 30 days. A post-transaction report is due within 45 days.
 */
export interface FdiCase {
  investor: {
    name: string;
    /** ISO3 of residence (person) or of incorporation / principal office (entity). */
    country: string;
    kind: 'person' | 'company' | 'fund';
    /** For a domestic company or fund: voting rights held by foreign investors, directly or indirectly (0–1). */
    foreignVotingShare?: number;
    foreignOfficersMajority?: boolean;
    stateOwned?: boolean;
    financialInstitution?: boolean;
    sanctioned?: boolean;
  };
  target: {
    name: string;
    listed: boolean;
    /** JSIC codes of the target's businesses (any level). */
    jsic?: string[];
    /** Sector ids of the rules, for sectors JSIC does not separate (weapons, space, nuclear, dual-use …). */
    sectors?: string[];
  };
  action: {
    type: 'acquisition' | 'consent';
    /** Shares or voting rights (the larger) held before and after, with closely related persons (0–1). */
    holdingBefore?: number;
    holdingAfter?: number;
    /** For consent: the proposal (director-appointment, business-transfer …). */
    proposal?: string;
  };
  /** The exemption conditions the investor undertakes to keep. */
  commitments?: Partial<Record<ExemptionCondition, boolean>>;
  /** Date the prior notification was accepted (YYYY-MM-DD), for the review deadline. */
  acceptedOn?: string;
  /** Date of the transaction (YYYY-MM-DD), for the post-report deadline. */
  transactionDate?: string;
}

export interface RuleStep {
  rule: string;
  en: string;
  ja: string;
  cite: string;
}

export interface FdiAssessment {
  notification: 'prior' | 'post' | 'none';
  exemption: null | 'blanket' | 'general';
  coreSector: boolean;
  designatedSector: boolean;
  sectors: string[];
  /** Prior: the day the 30-day review ends (acceptance + 30 days); post: the day the report is due. */
  deadline: string | null;
  deadlineKind: 'review-ends' | 'post-report-due' | null;
  reasons: RuleStep[];
}

const pct = (x: number) => `${+(x * 100).toFixed(4)} %`;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The sectors a target falls in: by sector id, or by JSIC code (the target's code starts with the rule's). */
export function sectorsOf(
  rules: FeftaRules,
  target: FdiCase['target'],
): { sector: FeftaSector; via: string }[] {
  const out: { sector: FeftaSector; via: string }[] = [];
  for (const sector of rules.sectors) {
    if (target.sectors?.includes(sector.id)) {
      out.push({ sector, via: `sector ${sector.id}` });
      continue;
    }
    for (const code of target.jsic ?? []) {
      const hit = sector.jsic.find((j) => code.startsWith(j.code));
      if (hit) {
        out.push({
          sector,
          via: `JSIC ${code} ⊂ ${hit.code}${hit.scope === 'part' ? ' (in part: counted conservatively)' : ''}`,
        });
        break;
      }
    }
  }
  return out;
}

export function assessFdi(rules: FeftaRules, c: FdiCase): FdiAssessment {
  const reasons: RuleStep[] = [];
  const step = (rule: string, en: string, ja: string, cite: string) => reasons.push({ rule, en, ja, cite });
  const result = (
    notification: FdiAssessment['notification'],
    extra: Partial<FdiAssessment> = {},
  ): FdiAssessment => {
    let deadline: string | null = null;
    let deadlineKind: FdiAssessment['deadlineKind'] = null;
    if (notification === 'prior') {
      deadlineKind = 'review-ends';
      deadline = c.acceptedOn ? addDays(c.acceptedOn, rules.review.days) : null;
      step(
        'review-period',
        `no transaction until ${rules.review.days} days after acceptance${deadline ? ` (${deadline})` : ''}; may be shortened, or extended up to ${rules.review.maxExtendedMonths} months`,
        `受理日から${rules.review.days}日間は取引禁止${deadline ? `（${deadline}まで）` : ''}。短縮あり、最長${rules.review.maxExtendedMonths}か月まで延長可`,
        rules.review.cite,
      );
    } else if (notification === 'post') {
      deadlineKind = 'post-report-due';
      deadline = c.transactionDate ? addDays(c.transactionDate, rules.postReport.dueDays) : null;
      step(
        'post-report-due',
        `report within ${rules.postReport.dueDays} days of the transaction${deadline ? ` (${deadline})` : ''}`,
        `取引後${rules.postReport.dueDays}日以内に事後報告${deadline ? `（${deadline}まで）` : ''}`,
        rules.postReport.cite,
      );
    }
    return {
      notification,
      exemption: null,
      coreSector: false,
      designatedSector: false,
      sectors: [],
      deadline,
      deadlineKind,
      reasons,
      ...extra,
    };
  };

  // 1. Foreign investor.
  const inv = c.investor;
  const fi = rules.foreignInvestor;
  const foreignBecause =
    inv.country !== 'JPN'
      ? inv.kind === 'person'
        ? 'a non-resident individual'
        : `an entity of ${inv.country}`
      : (inv.foreignVotingShare ?? 0) >= fi.domesticEntityForeignVotingShare
        ? `a domestic ${inv.kind} whose voting rights foreign investors hold ${pct(inv.foreignVotingShare!)} (≥ ${pct(fi.domesticEntityForeignVotingShare)})`
        : inv.foreignOfficersMajority
          ? 'a domestic entity whose officers are mostly non-residents'
          : null;
  if (!foreignBecause) {
    step(
      'not-foreign-investor',
      `${inv.name} is not a foreign investor`,
      `${inv.name}は外国投資家に当たらない`,
      fi.cite,
    );
    step('notification:none', 'no FEFTA inward-investment procedure', '外為法上の手続は不要', fi.cite);
    return result('none');
  }
  step(
    'foreign-investor',
    `${inv.name} is a foreign investor: ${foreignBecause}`,
    `${inv.name}は外国投資家に当たる`,
    fi.cite,
  );

  // 2. Covered act.
  const tr = rules.triggers;
  const before = c.action.holdingBefore ?? 0;
  const after = c.action.holdingAfter ?? before;
  let trigger: string | null = null;
  if (c.action.type === 'consent') {
    const proposal = c.action.proposal ?? '';
    if (!tr.consentProposals.includes(proposal)) {
      step(
        'no-trigger',
        `consent to "${proposal}" is not a covered proposal`,
        `「${proposal}」への同意は対象行為でない`,
        tr.cite,
      );
    } else if (c.target.listed && after < tr.listedThreshold) {
      step(
        'no-trigger',
        `consent while holding ${pct(after)} (< ${pct(tr.listedThreshold)} of a listed company)`,
        `保有${pct(after)}（上場会社の1%未満）での同意は対象外`,
        tr.cite,
      );
    } else {
      trigger = 'trigger:consent';
      step(trigger, `consent to a ${proposal} proposal`, `株主総会での${proposal}議案への同意`, tr.cite);
    }
  } else if (c.target.listed) {
    if (after >= tr.listedThreshold && after > before) {
      trigger = 'trigger:listed-1pct';
      step(
        trigger,
        `holding of a listed company rises to ${pct(after)} (≥ ${pct(tr.listedThreshold)})`,
        `上場会社の株式・議決権を${pct(after)}保有（1%以上）`,
        tr.cite,
      );
    } else
      step(
        'no-trigger',
        `listed holding ${pct(after)} stays below ${pct(tr.listedThreshold)}`,
        `上場会社の保有${pct(after)}は1%未満`,
        tr.cite,
      );
  } else if (tr.unlistedAnyShare && after > before) {
    trigger = 'trigger:unlisted';
    step(
      trigger,
      'acquisition of shares of an unlisted company (any amount)',
      '非上場会社の株式取得（比率を問わない）',
      tr.cite,
    );
  } else step('no-trigger', 'no acquisition', '取得なし', tr.cite);
  if (!trigger) {
    step('notification:none', 'no FEFTA inward-investment procedure', '外為法上の手続は不要', tr.cite);
    return result('none');
  }

  // 3. Sector.
  const hits = sectorsOf(rules, c.target);
  const core = hits.some((h) => h.sector.core);
  const sectorIds = hits.map((h) => h.sector.id);
  const sectorInfo = { coreSector: core, designatedSector: hits.length > 0, sectors: sectorIds };
  if (hits.length === 0) {
    step(
      'sector:none',
      'the target has no business in a designated sector',
      '指定業種に該当しない',
      'sectorNotice',
    );
    const pr = rules.postReport;
    const due = c.target.listed ? after >= pr.nonDesignatedListedThreshold : pr.nonDesignatedUnlisted;
    if (due && c.action.type === 'acquisition') {
      step(
        'notification:post',
        c.target.listed
          ? `listed holding reaches ${pct(after)} (≥ ${pct(pr.nonDesignatedListedThreshold)}): post-transaction report`
          : 'unlisted acquisition: post-transaction report',
        '事後報告が必要',
        pr.cite,
      );
      return result('post', sectorInfo);
    }
    step('notification:none', 'below the post-report threshold', '事後報告の基準未満', pr.cite);
    return result('none', sectorInfo);
  }
  for (const h of hits)
    step(
      h.sector.core ? 'sector:core' : 'sector:designated',
      `${h.sector.en} (${h.via})${h.sector.core ? ': core sector' : ': designated sector'}`,
      `${h.sector.ja}${h.sector.core ? '（コア業種）' : '（指定業種）'}`,
      h.sector.cite,
    );

  // 4. Exemptions.
  const ex = rules.exemptions;
  type Why = { en: string; ja: string };
  const exemptionBlocked = (kind: 'blanket' | 'general', rule: ExemptionRule): Why | null => {
    if (c.action.type === 'consent')
      return { en: 'consenting to a covered proposal is not exempt', ja: '対象議案への同意は免除されない' };
    if (core && !c.target.listed && !rule.unlistedCore)
      return { en: 'core sector, unlisted company', ja: 'コア業種の非上場会社' };
    if (core && rule.coreCap !== null && after >= rule.coreCap)
      return {
        en: `core sector, holding ${pct(after)} ≥ ${pct(rule.coreCap)}`,
        ja: `コア業種で保有${pct(after)}（${pct(rule.coreCap)}以上）`,
      };
    const needed = [...(rule.conditions ?? []), ...(core ? (rule.coreConditions ?? []) : [])];
    const missing = needed.filter((k) => !c.commitments?.[k]);
    if (missing.length)
      return {
        en: `conditions not undertaken: ${missing.join(', ')}`,
        ja: `免除基準の遵守が約されていない：${missing.map((k) => ex.conditionTexts[k]?.ja ?? k).join('、')}`,
      };
    if (kind === 'general' && inv.stateOwned) return { en: 'state-owned investor', ja: '国有企業等' };
    if (kind === 'general' && inv.sanctioned)
      return { en: 'sanctioned under FEFTA', ja: '外為法違反による処分歴' };
    return null;
  };
  const tryExemption = (kind: 'blanket' | 'general'): FdiAssessment | null => {
    const rule = ex[kind];
    const blocked = exemptionBlocked(kind, rule);
    if (blocked) {
      step(
        `exemption:${kind}:unavailable`,
        `${rule.ja} not available: ${blocked.en}`,
        `${rule.ja}は利用不可：${blocked.ja}`,
        ex.cite,
      );
      return null;
    }
    step(`exemption:${kind}`, `${rule.ja} applies (${rule.who})`, `${rule.ja}を利用可能`, ex.cite);
    const thresholds = core ? rule.postReportCoreThresholds : rule.postReportThresholds;
    const crossed = thresholds.filter((t) => before < t && after >= t);
    if (crossed.length) {
      step(
        'notification:post',
        `exempt; holding crosses ${crossed.map(pct).join(', ')}: post-transaction report`,
        `免除。${crossed.map(pct).join('・')}に達するため事後報告`,
        ex.cite,
      );
      return result('post', { ...sectorInfo, exemption: kind });
    }
    step(
      'notification:none',
      'exempt; no reporting threshold crossed',
      '免除。事後報告の基準に達しない',
      ex.cite,
    );
    return result('none', { ...sectorInfo, exemption: kind });
  };
  const exempt = inv.financialInstitution ? tryExemption('blanket') : null;
  if (exempt) return exempt;
  const general = tryExemption('general');
  if (general) return general;
  step(
    'notification:prior',
    'prior notification to the Minister of Finance and the competent minister',
    '事前届出が必要',
    rules.review.cite,
  );
  return result('prior', sectorInfo);
}

import { ChokepointError } from '../../errors.ts';
import {
  catchAllPart1SubItem,
  isCatchAllChapter,
  rowsOfEntry,
  type ControlListRow,
  type ItemReference,
} from './controlList.ts';
import {
  clearEvidenceQuestions,
  objectiveRequirementQuestions,
  type CatchAllQuestion,
} from './catchAllQuestions.ts';

/**
 * The transaction check (該非・取引審査): item × destination × end user × end use → what the Foreign Exchange and
 * Foreign Trade Act (外為法) and the Export Trade Control Order (輸出令) require, with every rule that applied.
 *
 * Rules, in the order they are tried (the strictest outcome wins):
 *  R1 end user on METI's specified-entity lists (Russia, Belarus, third countries; 輸出等に係る禁止措置) →
 *     licence-required: exports to them are banned and need approval (外為法第48条第3項, 輸出令第2条).
 *  R2 item 1–15 of 別表第一 → licence-required for every destination (輸出令第1条第1項, 外為法第48条第1項).
 *  R3 catch-all goods (16の項) to Group A (別表第三) → no-requirement: the item's region excludes 別表第三.
 *  R4 goods in no item (an HS chapter outside 16の項（2）, e.g. food, wood) → no-requirement under 別表第一.
 *  R5 16の項 goods outside Group A (輸出令第4条第1項第三号・第四号: a licence is needed when any case applies):
 *     informed by METI (三号ロ・ニ, 四号ロ・ニ) → licence-required; declared WMD use (三号イ / 四号イ) →
 *     licence-required; declared conventional-weapons use (三号ハ for 16の項（1）; 四号ハ for 16の項（2） only to
 *     別表第三の二, the UN arms-embargo countries) → licence-required, and for 16の項（2） elsewhere →
 *     catch-all-check (the use requirement does not apply, the inform requirement does: consult METI);
 *     end user on the End User List → catch-all-check (需要者要件: licence unless it is clear the goods will not be
 *     used for WMD — 明らかガイドライン); end user unknown or end use not stated → catch-all-check;
 *     civil use, a named end user with no list hit → no-requirement.
 * Not modelled: the small-value exemption (第4条第1項第五号, 別表第四), technology transfers (外為令), the
 * goods-specific approvals of 別表第二, transit and re-export rules of other countries.
 */
export type EndUse = 'wmd' | 'conventional' | 'civil';
export type Verdict = 'licence-required' | 'catch-all-check' | 'no-requirement';

/**
 * What a list means for an export from Japan: METI's End User List (catch-all end-user requirement), METI's
 * specified-entity lists (export ban), sanctions lists (asset freezes and the like: review), another country's
 * export-control list (its measures against the party, not a Japanese requirement) or a user's own list.
 */
export type ListRole = 'end-user-list' | 'export-ban' | 'sanctions' | 'foreign-control' | 'user';

export interface EndUserHit {
  list: string;
  listRole: ListRole;
  entryId: string;
  name: string;
  score: number;
  /** End User List concern codes: B, C, M, N (WMD) and CW (conventional weapons). */
  concerns?: string[];
}

/** The country tables of the Order, as ISO 3166 alpha-3 codes. */
export interface CountryTables {
  /** 別表第三 (Group A). */
  groupA: ReadonlySet<string>;
  /** 別表第三の二 (UN arms-embargo countries and regions). */
  unArmsEmbargo: ReadonlySet<string>;
}

export interface TransactionInput {
  item: ItemReference;
  /** ISO 3166 alpha-3. */
  destination: string;
  endUser?: string;
  endUserHits: readonly EndUserHit[];
  endUse?: EndUse;
  informed?: { wmd?: boolean; conventional?: boolean };
  /** Recorded inform notices that apply to this transaction (informs.ts): each adds its kind with its reference. */
  informNotices?: readonly { kind: 'wmd' | 'conventional'; reference: string; issuedOn: string }[];
}

export interface Reason {
  rule: string;
  /** What this rule alone would decide; 'info' for context that decides nothing. */
  outcome: Verdict | 'info';
  ja: string;
  en: string;
  citation: string;
}

export interface TransactionCheck {
  verdict: Verdict;
  reasons: Reason[];
  /** For catch-all-check: what the exporter must establish (おそれ省令, inform, 明らかガイドライン). */
  questions: CatchAllQuestion[];
}

const rank: Record<Verdict, number> = { 'no-requirement': 0, 'catch-all-check': 1, 'licence-required': 2 };

interface ItemClass {
  /** 1–15, or 16 for catch-all goods, or null for goods in no item. */
  kou: number | null;
  /** For 16の項: part 1 or 2. */
  part?: 1 | 2;
  label: string;
  fromHs: boolean;
}

function classifyItem(item: ItemReference, rows: readonly ControlListRow[], reasons: Reason[]): ItemClass {
  if (item.kind === 'entry') {
    const matched = rowsOfEntry(rows, item);
    if (matched.length === 0) {
      throw new ChokepointError(
        'bad_input',
        `別表第一 has no entry ${item.kou}${item.item ? `(${item.item})` : ''}${item.subitem ?? ''} (items are 1–16, e.g. 2(12), 3の2, 16(2))`,
        { field: 'item' },
      );
    }
    const kou = Number(item.kou.split('の')[0]);
    const label = matched[0].item ? matched[0].label.replace(/\d+$/, '') : `${item.kou}の項`;
    if (kou === 16)
      return { kou, part: item.item === '1' ? 1 : item.item === '2' ? 2 : undefined, label, fromHs: false };
    return { kou, label, fromHs: false };
  }
  const chapter = Number(item.code.slice(0, 2));
  const sub = catchAllPart1SubItem(item.code);
  reasons.push({
    rule: 'hs-classification',
    outcome: 'info',
    ja: `HSコード ${item.code} からはリスト規制（別表第一 1〜15の項）に該当するか判断できない。該非判定を行い、該当する場合は許可が必要。`,
    en: `HS code ${item.code} cannot show whether the goods meet the list-control specifications of items 1–15 of 別表第一: classify them (該非判定); if they do, a licence is required.`,
    citation: '輸出貿易管理令 別表第一、貨物等省令',
  });
  if (sub) return { kou: 16, part: 1, label: `16の項（1）${sub}`, fromHs: true };
  if (isCatchAllChapter(chapter)) return { kou: 16, part: 2, label: '16の項（2）', fromHs: true };
  return { kou: null, label: `HS ${item.code.slice(0, 2)}類`, fromHs: true };
}

export function checkTransaction(
  input: TransactionInput,
  reference: { controlList: readonly ControlListRow[]; countries: CountryTables },
): TransactionCheck {
  const reasons: Reason[] = [];
  const destination = input.destination.toUpperCase();
  const item = classifyItem(input.item, reference.controlList, reasons);
  const groupA = reference.countries.groupA.has(destination);
  const embargo = reference.countries.unArmsEmbargo.has(destination);
  let askQuestions = false;

  // R1: specified entities (export ban).
  for (const hit of input.endUserHits.filter((h) => h.listRole === 'export-ban')) {
    reasons.push({
      rule: 'R1-export-ban',
      outcome: 'licence-required',
      ja: `需要者「${input.endUser ?? hit.name}」は輸出等に係る禁止措置の対象となる特定団体「${hit.name}」（${hit.list}、一致度 ${hit.score.toFixed(2)}）に該当する可能性がある。輸出には承認が必要で、禁止措置の対象である。`,
      en: `The end user "${input.endUser ?? hit.name}" may be the specified entity "${hit.name}" (${hit.list}, score ${hit.score.toFixed(2)}) subject to the export ban: exports need approval and are banned.`,
      citation: '外国為替及び外国貿易法 第48条第3項、輸出貿易管理令 第2条、令和四年外務省告示第八十二号ほか',
    });
  }
  // R2: list control.
  if (item.kou !== null && item.kou <= 15) {
    reasons.push({
      rule: 'R2-list-control',
      outcome: 'licence-required',
      ja: `${item.label} の貨物はリスト規制の対象で、仕向地に関わらず（全地域）経済産業大臣の許可が必要。`,
      en: `Goods of ${item.label} are list-controlled: a licence from METI is required for every destination (全地域).`,
      citation: '外国為替及び外国貿易法 第48条第1項、輸出貿易管理令 第1条第1項・別表第一',
    });
  } else if (item.kou === null) {
    reasons.push({
      rule: 'R4-not-listed',
      outcome: 'no-requirement',
      ja: `${item.label} の貨物は別表第一の16の項（2）の対象類（25〜40、54〜59、63、68〜93、95類）に含まれず、キャッチオール規制の対象外。`,
      en: `Goods of ${item.label} are outside the chapters of 16の項（2） (25–40, 54–59, 63, 68–93, 95): the catch-all control does not apply.`,
      citation: '輸出貿易管理令 別表第一 16の項（2）',
    });
  } else if (groupA) {
    reasons.push({
      rule: 'R3-group-a',
      outcome: 'no-requirement',
      ja: `仕向地 ${destination} は別表第三（グループA）の国・地域で、16の項（キャッチオール）の規制地域から除かれている。`,
      en: `The destination ${destination} is in 別表第三 (Group A), which the region of 16の項 (catch-all) excludes.`,
      citation: '輸出貿易管理令 別表第一 16の項 下欄、別表第三',
    });
  } else {
    // R5: catch-all outside Group A.
    const articleNo = item.part === 1 ? '第三号' : '第四号';
    const informedReason = (kind: 'wmd' | 'conventional') => {
      const notices = (input.informNotices ?? []).filter((n) => n.kind === kind);
      if (!input.informed?.[kind] && notices.length === 0) return;
      const refs = notices.map((n) => `${n.reference}（${n.issuedOn}）`).join('、');
      const refsEn = notices.map((n) => `${n.reference} of ${n.issuedOn}`).join(', ');
      reasons.push({
        rule: `R5-inform-${kind}`,
        outcome: 'licence-required',
        ja: `経済産業大臣から許可申請をすべき旨の通知（インフォーム、${kind === 'wmd' ? '大量破壊兵器' : '通常兵器'}）を受けている${refs ? `: ${refs}` : ''}。`,
        en: `METI has informed the exporter that a licence application is needed (inform notice, ${kind === 'wmd' ? 'weapons of mass destruction' : 'conventional weapons'})${refsEn ? `: ${refsEn}` : ''}.`,
        citation: `輸出貿易管理令 第4条第1項${articleNo}${kind === 'wmd' ? 'ロ' : 'ニ'}`,
      });
    };
    informedReason('wmd');
    informedReason('conventional');
    if (input.endUse === 'wmd') {
      reasons.push({
        rule: 'R5-wmd-use',
        outcome: 'licence-required',
        ja: `${item.label} の貨物を核兵器等の開発等に用いるおそれ（用途要件）があり、グループA以外の仕向地 ${destination} では許可が必要。`,
        en: `Goods of ${item.label} that may be used for the development etc. of weapons of mass destruction (use requirement) need a licence for ${destination}, which is outside Group A.`,
        citation: `輸出貿易管理令 第4条第1項${articleNo}イ、おそれ省令 第1号`,
      });
    } else if (input.endUse === 'conventional') {
      if (item.part === 1 || embargo) {
        reasons.push({
          rule: 'R5-conventional-use',
          outcome: 'licence-required',
          ja: `${item.label} の貨物を通常兵器の開発、製造又は使用に用いるおそれがあり、${item.part === 1 ? 'グループA以外の仕向地' : '国連武器禁輸国・地域（別表第三の二）'} ${destination} では許可が必要。`,
          en: `Goods of ${item.label} that may be used for the development, manufacture or use of conventional weapons need a licence for ${destination} (${item.part === 1 ? 'outside Group A' : 'a UN arms-embargo destination, 別表第三の二'}).`,
          citation: `輸出貿易管理令 第4条第1項${articleNo}ハ${item.part === 1 ? '' : '、別表第三の二'}`,
        });
      } else {
        askQuestions = true;
        reasons.push({
          rule: 'R5-conventional-use-general',
          outcome: 'catch-all-check',
          ja: `16の項（2）の貨物の通常兵器用途について、別表第三の二以外の仕向地 ${destination} では用途要件は適用されず、インフォームを受けた場合に許可が必要。経済産業省に相談すること。`,
          en: `For 16の項（2） goods with a conventional-weapons use, the use requirement does not apply to ${destination} (not in 別表第三の二); a licence is needed once informed. Consult METI.`,
          citation: '輸出貿易管理令 第4条第1項第四号（括弧書き）・ニ',
        });
      }
    }
    const eul = input.endUserHits.filter((h) => h.listRole === 'end-user-list');
    for (const hit of eul) {
      askQuestions = true;
      reasons.push({
        rule: 'R5-end-user-list',
        outcome: 'catch-all-check',
        ja: `需要者は外国ユーザーリストの「${hit.name}」（懸念区分 ${hit.concerns?.join('・') || '—'}、一致度 ${hit.score.toFixed(2)}）である可能性がある。核兵器等の開発等に用いられないことが明らかでない限り許可が必要（需要者要件）。明らかガイドラインに沿って確認すること。`,
        en: `The end user may be "${hit.name}" on the End User List (concerns ${hit.concerns?.join(', ') || '—'}, score ${hit.score.toFixed(2)}): a licence is required unless it is clear that the goods will not be used for weapons of mass destruction (end-user requirement). Check with the clear-evidence guideline.`,
        citation: `輸出貿易管理令 第4条第1項${articleNo}イ、おそれ省令 第2号、外国ユーザーリスト`,
      });
    }
    if (!input.endUser) {
      askQuestions = true;
      reasons.push({
        rule: 'R5-end-user-unknown',
        outcome: 'catch-all-check',
        ja: `需要者が示されていない。グループA以外の仕向地 ${destination} への16の項の貨物は、需要者と用途の確認（客観要件）が必要。`,
        en: `No end user was given: 16の項 goods to ${destination} (outside Group A) need the end user and the use checked (objective requirements).`,
        citation: `輸出貿易管理令 第4条第1項${articleNo}`,
      });
    }
    if (input.endUse === undefined) {
      askQuestions = true;
      reasons.push({
        rule: 'R5-end-use-unknown',
        outcome: 'catch-all-check',
        ja: '用途が示されていない。用途要件（核兵器等・通常兵器）を確認すること。',
        en: 'No end use was given: check the use requirement (weapons of mass destruction, conventional weapons).',
        citation: `輸出貿易管理令 第4条第1項${articleNo}イ・ハ、おそれ省令 第1号`,
      });
    }
    if (!reasons.some((r) => r.rule.startsWith('R5') && r.outcome !== 'info')) {
      reasons.push({
        rule: 'R5-clear',
        outcome: 'no-requirement',
        ja: `民生用途で、需要者「${input.endUser}」は照合したリストに該当せず、インフォームも受けていない。キャッチオール規制上の許可は不要（客観要件に該当しないことの確認記録を残すこと）。`,
        en: `Civil use, the end user "${input.endUser}" matched none of the lists screened and no inform notice was received: no catch-all licence is needed (keep the record of the checks).`,
        citation: `輸出貿易管理令 第4条第1項${articleNo}`,
      });
    }
  }
  // Lists that inform but decide nothing under Japanese law.
  for (const hit of input.endUserHits.filter(
    (h) => h.listRole !== 'export-ban' && h.listRole !== 'end-user-list',
  )) {
    const role =
      hit.listRole === 'foreign-control'
        ? {
            ja: '他国の輸出管理リスト（当該国の措置。日本の許可要件ではない）',
            en: "another country's export-control list (its own measures, not a Japanese requirement)",
          }
        : hit.listRole === 'sanctions'
          ? {
              ja: '制裁リスト（資産凍結等。取引の可否を確認すること）',
              en: 'a sanctions list (asset freeze and similar: check whether the deal is allowed)',
            }
          : { ja: '利用者のリスト', en: "the user's own list" };
    reasons.push({
      rule: 'list-hit',
      outcome: 'info',
      ja: `需要者は${role.ja}「${hit.list}」の「${hit.name}」（一致度 ${hit.score.toFixed(2)}）である可能性がある。`,
      en: `The end user may be "${hit.name}" on ${role.en} "${hit.list}" (score ${hit.score.toFixed(2)}).`,
      citation: hit.list,
    });
  }
  const verdict = reasons
    .map((r) => r.outcome)
    .filter((o): o is Verdict => o !== 'info')
    .reduce<Verdict>((worst, o) => (rank[o] > rank[worst] ? o : worst), 'no-requirement');
  const questions =
    verdict === 'catch-all-check' || (askQuestions && verdict !== 'licence-required')
      ? [...objectiveRequirementQuestions, ...clearEvidenceQuestions]
      : [];
  return { verdict, reasons, questions };
}

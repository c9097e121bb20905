/**
 * What an exporter must establish before exporting catch-all goods (16の項) outside Group A, as questions.
 *
 * 1. The objective requirements (客観要件) of the ministerial ordinance on "cases where goods may be used for the
 *    development etc. of nuclear weapons etc." (輸出貨物が核兵器等の開発等のために用いられるおそれがある場合を
 *    定める省令, おそれ省令): the use requirement (用途要件, 第1号: a contract, a document the exporter obtained, or
 *    the importer says the goods will be used for WMD development or the activities in its table) and the end-user
 *    requirement (需要者要件, 第2号・第3号: such documents say the end user develops or developed WMD — the
 *    documents named by METI notice include the End User List — unless it is clear from the use and the terms of
 *    the deal that the goods will not be so used).
 * 2. Whether METI has informed the exporter that a licence application is needed (インフォーム要件,
 *    輸出令第4条第1項第三号ロ・ニ、第四号ロ・ニ).
 * 3. METI's guideline for judging that it is "clear" the goods will not be used for WMD (「明らかなとき」を判断するた
 *    めのガイドライン, 明らかガイドライン): the exporter checks these items with the documents and information
 *    obtained in the ordinary course of business, does not look away from unfavourable ones, clears any doubt
 *    before negotiating further and consults METI's 安全保障貿易審査課 when unsure. Items 1–4 below are quoted
 *    from the guideline as reproduced at http://www.yushutsu.com/akiraka-gaid/ (read 2026-12); the guideline
 *    continues with further items on the terms of the deal (delivery, transport, payment and similar), which we
 *    could not read from a verifiable copy and do not encode: read the full text on METI's security export control
 *    pages (https://www.meti.go.jp/policy/anpo/) before relying on this list.
 */
export interface CatchAllQuestion {
  id: string;
  ja: string;
  en: string;
  source: string;
}

const ordinance = 'おそれ省令（輸出貨物が核兵器等の開発等のために用いられるおそれがある場合を定める省令）';
const guideline = '明らかガイドライン（「明らかなとき」を判断するためのガイドライン、経済産業省）';

export const objectiveRequirementQuestions: readonly CatchAllQuestion[] = [
  {
    id: 'use-requirement',
    ja: '契約書、入手した文書等又は輸入者等からの連絡において、貨物が核兵器等の開発等（又は通常兵器の開発、製造若しくは使用）に用いられる旨が示されていないか（用途要件）。',
    en: 'Does a contract, a document obtained, or word from the importer say the goods will be used for the development etc. of weapons of mass destruction (or of conventional weapons)? (use requirement)',
    source: `${ordinance} 第1号`,
  },
  {
    id: 'end-user-requirement',
    ja: '契約書、入手した文書等（外国ユーザーリストを含む）又は輸入者等からの連絡において、需要者が核兵器等の開発等を行う又は行った旨が示されていないか（需要者要件）。',
    en: 'Does a contract, a document obtained (including the End User List) or word from the importer say the end user develops or developed weapons of mass destruction? (end-user requirement)',
    source: `${ordinance} 第2号・第3号`,
  },
  {
    id: 'inform',
    ja: '経済産業大臣から許可の申請をすべき旨の通知（インフォーム）を受けていないか。',
    en: 'Has METI informed you that a licence application is needed (inform notice)?',
    source: '輸出貿易管理令 第4条第1項第三号ロ・ニ、第四号ロ・ニ',
  },
];

export const clearEvidenceQuestions: readonly CatchAllQuestion[] = [
  {
    id: 'guideline-1',
    ja: '輸入者、需要者又はこれらの代理人から当該貨物等の用途に関する明確な説明があるか。',
    en: 'Has the importer, the end user or their agent clearly explained what the goods will be used for?',
    source: `${guideline} 1`,
  },
  {
    id: 'guideline-2',
    ja: '需要者の事業内容、技術レベルからみて、当該貨物等を必要とする合理的理由があるか。',
    en: "Given the end user's business and technical level, is there a reasonable need for the goods?",
    source: `${guideline} 2`,
  },
  {
    id: 'guideline-3',
    ja: '当該貨物等の設置場所又は使用場所が明確であるか。',
    en: 'Is the place where the goods will be installed or used clearly stated?',
    source: `${guideline} 3`,
  },
  {
    id: 'guideline-4',
    ja: '当該貨物等の設置場所又は使用場所が軍事施設内若しくは軍事施設に隣接した場所であったり、外部からの立入りに不自然な程に厳重な制限がなされていたりするといった不審な点がないか。',
    en: 'Is the place of installation or use free of suspicious points, such as being inside or next to a military facility or being closed to outsiders with unnaturally strict restrictions?',
    source: `${guideline} 4`,
  },
];

/**
 * Which ★ a buyer should ask of a supplier, after the model decision tree ("モデル分岐図") of the METI interim
 * report on the supply-chain security evaluation scheme (サプライチェーン強化に向けたセキュリティ対策評価制度構築に
 * 向けた中間取りまとめ, 2025-04-14), as summarised by the Tokyo Metropolitan Government's cyber-security portal
 * (cybersecurity-taisaku.metro.tokyo.lg.jp/tip/security-hyoukaseido2, 2025-12-05):
 *   (1) is the buyer's important confidential information handled on the supplier's IT infrastructure?
 *   (2) would an interruption of the supplier's business cause the buyer an unacceptable delay (judged by the
 *       scope of the impact, whether other firms can supply, how hard stock is to hold)?
 *   (3) can the buyer's internal systems be reached from the supplier's environment?
 * Any "yes" → ★4; all "no" → ★3 for now, raised to ★4 when further factors the buyer names apply (the report
 * lists such additional factors without fixing them; they are passed in as `raisedBy`).
 */
export interface StarQuestions {
  confidentialInformation: boolean;
  unacceptableDelay: boolean;
  accessToInternalSystems: boolean;
  /** Further reasons the buyer gives for ★4 when (1)–(3) are all "no". */
  raisedBy?: string[];
}

export function requiredStar(q: StarQuestions): { level: '★3' | '★4'; because: string[] } {
  const because: string[] = [];
  if (q.confidentialInformation)
    because.push('(1) confidential information on the supplier’s IT / 重要な機密情報を取引先IT基盤で取扱う');
  if (q.unacceptableDelay)
    because.push('(2) interruption causes unacceptable delay / 事業中断で許容できない遅延');
  if (q.accessToInternalSystems)
    because.push('(3) access to internal systems / 取引先環境から内部システムへアクセス可能');
  if (because.length) return { level: '★4', because };
  const raised = (q.raisedBy ?? []).filter((r) => r.trim() !== '');
  return raised.length
    ? { level: '★4', because: raised }
    : { level: '★3', because: ['(1)–(3) all no / すべていいえ'] };
}

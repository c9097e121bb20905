import type { Marking } from '../marking.ts';
import type { ProductResult, ScenarioResult } from '../scenario/result.ts';
import type { Bilingual, Expectation, Inject, InjectFigure, InjectKind, InjectSource } from './exercise.ts';
import { moneyText } from './money.ts';

/**
 * Injects generated from a scenario run's simulated timeline (PRODUCT.md §3.5): every figure an inject states is
 * a value of the run's result, recorded with its path in the result, so the exercise says exactly what the
 * simulation found, with the run's provenance. The events, in simulated months:
 * - 0: brief (imports affected) and the shock (import loss by product, who cut);
 * - the first month a product is replaced: substitution offers (who replaces, how much; like-minded marked);
 * - time to survive (TTS, Simchi-Levi et al. 2014): the reporter's stock of a product runs out; the shortfall
 *   (unmet imports) and the sectors that receive it (direct inoperability > 0, Santos & Haimes 2004);
 * - the ARIO worst day (Hallegatte 2008): total output at its lowest, value added lost;
 * - time to recover (TTR) of each product that ran short, when within the horizon;
 * - the horizon: a situation report with the totals.
 */
export interface RunForInjects extends ScenarioResult {
  provenance: {
    trade: { dataset: string; version: string; synthetic: boolean };
    ioTable?: { dataset: string; version: string };
    methods: string[];
  };
}

export interface InjectGenerationOptions {
  runId: string | null;
  /** The run's marking: every generated inject carries it. */
  marking: Marking;
  /** Yen per USD for the yen equivalents in the text (the scenario's exchange rate); null: USD only. */
  yenPerUsd: number | null;
  /** Team ids the injects go to. */
  teams: { government: string; industry: string; partners: string };
  /** Product names by HS6, when known. */
  labels?: Record<string, Bilingual>;
  /** Products given their own injects (largest losses first); default 5. */
  maxProducts?: number;
}

const daysPerMonth = 365 / 12;
const n = (v: number, digits = 1) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Default expectations of the players for each kind of generated inject. */
export const defaultExpectations: Partial<Record<InjectKind, Bilingual[]>> = {
  shock: [
    {
      ja: '対策本部を立ち上げ、品目別の影響を把握する',
      en: 'Convene the task force and assess the exposure by product',
    },
  ],
  substitution: [
    {
      ja: '同志国の供給余力を確認し、代替調達を打診する',
      en: "Check like-minded partners' spare capacity and request substitute supply",
    },
  ],
  'stock-out': [
    {
      ja: '備蓄放出または需要抑制を判断し、担当者と期限を決める',
      en: 'Decide on a stockpile release or demand restraint, with an owner and a deadline',
    },
    {
      ja: '影響を受ける業界に状況を共有する',
      en: 'Inform the industries affected',
    },
  ],
  economy: [
    {
      ja: '部門別の影響を大臣に報告する',
      en: 'Brief the minister on the impact by sector',
    },
  ],
};

export function generateInjects(run: RunForInjects, options: InjectGenerationOptions): Inject[] {
  const { teams, yenPerUsd } = options;
  const source: InjectSource = {
    runId: options.runId,
    scenario: run.name,
    trade: {
      dataset: run.provenance.trade.dataset,
      version: run.provenance.trade.version,
      synthetic: run.provenance.trade.synthetic,
    },
    ioTable: run.provenance.ioTable
      ? { dataset: run.provenance.ioTable.dataset, version: run.provenance.ioTable.version }
      : null,
    methods: run.provenance.methods,
  };
  const injects: Inject[] = [];
  const add = (
    id: string,
    kind: InjectKind,
    at: number,
    team: string,
    title: Bilingual,
    body: Bilingual,
    figures: InjectFigure[],
  ) =>
    injects.push({
      id,
      kind,
      at,
      team,
      title,
      body,
      figures,
      source,
      marking: options.marking,
      condition: null,
      expectations: (defaultExpectations[kind] ?? []).map((text, i): Expectation => ({
        id: `${id}-e${i + 1}`,
        text,
      })),
    });
  const index = new Map(run.products.map((p, i) => [p.product, i]));
  const name = (p: ProductResult): Bilingual => {
    const label = options.labels?.[p.product];
    return label
      ? { ja: `${p.product}(${label.ja})`, en: `${p.product} (${label.en})` }
      : { ja: p.product, en: p.product };
  };
  const figure = (key: string, label: Bilingual, value: number | null, unit: string, path: string) => ({
    key,
    label,
    value,
    unit,
    path,
  });
  const product = (p: ProductResult, field: 'lost' | 'unmet' | 'replaced' | 'timeToRecover') => {
    const labels: Record<typeof field, Bilingual> = {
      lost: { ja: '輸入途絶額', en: 'imports lost' },
      unmet: { ja: '不足額(未充足の輸入)', en: 'shortfall (unmet imports)' },
      replaced: { ja: '代替調達額', en: 'replaced' },
      timeToRecover: { ja: '回復までの期間', en: 'time to recover' },
    };
    return figure(
      `${field}:${p.product}`,
      labels[field],
      p[field].value,
      field === 'timeToRecover' ? 'months' : run.units.trade,
      `products[${index.get(p.product)}].${field}.value`,
    );
  };
  const affected = [...run.products]
    .filter((p) => p.lost.value > 0)
    .sort((a, b) => b.lost.value - a.lost.value || a.product.localeCompare(b.product));
  const shown = affected.slice(0, options.maxProducts ?? 5);
  const more = affected.length - shown.length;

  add(
    'brief',
    'brief',
    0,
    'all',
    { ja: `演習開始: ${run.nameJa ?? run.name}`, en: `Exercise start: ${run.name}` },
    {
      ja: `対象国 ${run.reporter.ja}、基準年 ${run.year}、想定期間 ${n(run.horizonMonths, 0)} か月。途絶の影響を受ける輸入は年 ${moneyText(run.totals.importsAffected, yenPerUsd).ja}。`,
      en: `Reporter ${run.reporter.en}, base year ${run.year}, horizon ${n(run.horizonMonths, 0)} months. Imports affected by the disruption: ${moneyText(run.totals.importsAffected, yenPerUsd).en} a year.`,
    },
    [
      figure(
        'importsAffected',
        { ja: '影響を受ける輸入(年額)', en: 'imports affected (a year)' },
        run.totals.importsAffected,
        run.units.trade,
        'totals.importsAffected',
      ),
    ],
  );

  if (shown.length) {
    const lines = shown.map((p) => {
      const from = p.lostFrom.slice(0, 3);
      return {
        ja: `${name(p).ja}: ${moneyText(p.lost.value, yenPerUsd).ja} 減少(供給元 ${from.map((f) => f.ja).join('、') || '—'})`,
        en: `${name(p).en}: ${moneyText(p.lost.value, yenPerUsd).en} lost (from ${from.map((f) => f.en).join(', ') || '—'})`,
      };
    });
    add(
      'shock',
      'shock',
      firstMonth(shown, (m) => m.lost),
      teams.government,
      {
        ja: `供給途絶: ${shown.length + more} 品目の輸入が減少`,
        en: `Supply disruption: imports of ${shown.length + more} products cut`,
      },
      {
        ja: `想定期間中の輸入途絶額の合計 ${moneyText(run.totals.lost.value, yenPerUsd).ja}。\n${lines.map((l) => l.ja).join('\n')}${more ? `\nほか ${more} 品目` : ''}`,
        en: `Imports lost over the horizon: ${moneyText(run.totals.lost.value, yenPerUsd).en}.\n${lines.map((l) => l.en).join('\n')}${more ? `\nand ${more} more products` : ''}`,
      },
      [
        figure(
          'lost',
          { ja: '輸入途絶額(合計)', en: 'imports lost (total)' },
          run.totals.lost.value,
          run.units.trade,
          'totals.lost.value',
        ),
        ...shown.map((p) => product(p, 'lost')),
      ],
    );
  }

  for (const p of shown) {
    const substitutes = p.replacedFrom.filter((r) => r.value > 0).slice(0, 3);
    if (!substitutes.length) continue;
    const k = index.get(p.product)!;
    add(
      `substitution-${p.product}`,
      'substitution',
      firstMonth([p], (m) => m.replaced),
      teams.partners,
      {
        ja: `代替供給の可能性: ${name(p).ja}`,
        en: `Substitute supply possible: ${name(p).en}`,
      },
      {
        ja: `想定期間中に ${moneyText(p.replaced.value, yenPerUsd).ja} を代替調達できる見込み。主な調達先: ${substitutes.map((r) => `${r.ja}${r.likeMinded ? '(同志国)' : ''} ${moneyText(r.value, null).ja}`).join('、')}`,
        en: `Up to ${moneyText(p.replaced.value, yenPerUsd).en} can be replaced over the horizon. Main substitutes: ${substitutes.map((r) => `${r.en}${r.likeMinded ? ' (like-minded)' : ''} ${moneyText(r.value, null).en}`).join(', ')}`,
      },
      [
        product(p, 'replaced'),
        ...substitutes.map((r) =>
          figure(
            `replacedFrom:${p.product}:${r.partner}`,
            { ja: `${r.ja}からの代替`, en: `replaced from ${r.en}` },
            r.value,
            run.units.trade,
            `products[${k}].replacedFrom[${p.replacedFrom.indexOf(r)}].value`,
          ),
        ),
      ],
    );
  }

  const hit = (run.economy?.sectors ?? [])
    .map((s, j) => ({ s, j }))
    .filter((x) => x.s.directInoperability.value > 0)
    .sort((a, b) => b.s.directInoperability.value - a.s.directInoperability.value)
    .slice(0, 3);
  for (const p of shown) {
    const tts = p.timeToSurvive.value;
    if (tts === null) continue;
    const k = index.get(p.product)!;
    add(
      `stock-out-${p.product}`,
      'stock-out',
      tts,
      teams.industry,
      {
        ja: `${n(tts)} か月目: ${name(p).ja} の在庫が枯渇`,
        en: `Month ${n(tts)}: stocks of ${name(p).en} at the reporter run out`,
      },
      {
        ja: `${run.reporter.ja} の ${name(p).ja} の在庫が ${n(tts)} か月目に尽きる。不足額 ${moneyText(p.unmet.value, yenPerUsd).ja}、供給回復は ${n(p.timeToRecover.value)} か月目の見込み${p.binding ? '(回復より先に在庫が尽きる)' : ''}。${hit.length ? `影響を受ける部門: ${hit.map((x) => x.s.ja).join('、')}` : ''}`,
        en: `Stocks of ${name(p).en} at ${run.reporter.en} run out in month ${n(tts)}. Shortfall ${moneyText(p.unmet.value, yenPerUsd).en}; supply expected back in month ${n(p.timeToRecover.value)}${p.binding ? ' (stocks run out before supply recovers)' : ''}.${hit.length ? ` Sectors hit: ${hit.map((x) => x.s.en).join(', ')}` : ''}`,
      },
      [
        figure(
          `timeToSurvive:${p.product}`,
          { ja: '在庫が尽きるまでの期間', en: 'time to survive' },
          tts,
          'months',
          `products[${k}].timeToSurvive.value`,
        ),
        product(p, 'unmet'),
        product(p, 'timeToRecover'),
        ...hit.map((x) =>
          figure(
            `directInoperability:${x.s.code}`,
            { ja: `${x.s.ja}の直接不稼働率`, en: `direct inoperability of ${x.s.en}` },
            x.s.directInoperability.value,
            'share',
            `economy.sectors[${x.j}].directInoperability.value`,
          ),
        ),
      ],
    );
    const ttr = p.timeToRecover.value;
    if (ttr <= run.horizonMonths) {
      add(
        `recovery-${p.product}`,
        'recovery',
        ttr,
        teams.industry,
        {
          ja: `${n(ttr)} か月目: ${name(p).ja} の供給が回復`,
          en: `Month ${n(ttr)}: supply of ${name(p).en} recovers`,
        },
        {
          ja: `途絶前の調達先からの供給が戻る(回復までの期間 ${n(ttr)} か月)。`,
          en: `Supply from the disrupted sources is back (time to recover ${n(ttr)} months).`,
        },
        [product(p, 'timeToRecover')],
      );
    }
  }

  const economy = run.economy;
  if (economy && economy.worstRelativeOutput.value < 1) {
    const unit = run.units.sectors ?? '';
    add(
      'economy',
      'economy',
      Math.min(run.horizonMonths, economy.worstDay / daysPerMonth),
      teams.government,
      {
        ja: `${economy.worstDay} 日目: 生産が最も落ち込む`,
        en: `Day ${economy.worstDay}: output at its lowest`,
      },
      {
        ja: `総生産は基準の ${n(economy.worstRelativeOutput.value * 100, 3)}% まで低下。付加価値の損失は ARIO で ${n(economy.arioValueAddedLoss.value)} ${unit}、レオンチェフで ${n(economy.leontiefValueAddedLoss.value)} ${unit}。`,
        en: `Total output falls to ${n(economy.worstRelativeOutput.value * 100, 3)}% of baseline. Value added lost: ${n(economy.arioValueAddedLoss.value)} ${unit} (ARIO), ${n(economy.leontiefValueAddedLoss.value)} ${unit} (Leontief).`,
      },
      [
        figure(
          'worstRelativeOutput',
          { ja: '最低時の総生産(基準比)', en: 'lowest total output (share of baseline)' },
          economy.worstRelativeOutput.value,
          'share',
          'economy.worstRelativeOutput.value',
        ),
        figure(
          'arioValueAddedLoss',
          { ja: '付加価値損失(ARIO)', en: 'value added lost (ARIO)' },
          economy.arioValueAddedLoss.value,
          unit,
          'economy.arioValueAddedLoss.value',
        ),
        figure(
          'leontiefValueAddedLoss',
          { ja: '付加価値損失(レオンチェフ)', en: 'value added lost (Leontief)' },
          economy.leontiefValueAddedLoss.value,
          unit,
          'economy.leontiefValueAddedLoss.value',
        ),
      ],
    );
  }

  const t = run.totals;
  add(
    'situation',
    'situation',
    run.horizonMonths,
    'all',
    { ja: '状況報告(想定期間の終わり)', en: 'Situation report (end of the horizon)' },
    {
      ja: `輸入途絶 ${moneyText(t.lost.value, yenPerUsd).ja}、代替調達 ${moneyText(t.replaced.value, yenPerUsd).ja}、在庫取り崩し ${moneyText(t.stockDrawn.value, yenPerUsd).ja}、未充足 ${moneyText(t.unmet.value, yenPerUsd).ja}。`,
      en: `Imports lost ${moneyText(t.lost.value, yenPerUsd).en}; replaced ${moneyText(t.replaced.value, yenPerUsd).en}; drawn from stock ${moneyText(t.stockDrawn.value, yenPerUsd).en}; unmet ${moneyText(t.unmet.value, yenPerUsd).en}.`,
    },
    (['lost', 'replaced', 'stockDrawn', 'unmet'] as const).map((m) =>
      figure(
        m,
        {
          lost: { ja: '輸入途絶額', en: 'imports lost' },
          replaced: { ja: '代替調達額', en: 'replaced' },
          stockDrawn: { ja: '在庫取り崩し額', en: 'drawn from stock' },
          unmet: { ja: '未充足額', en: 'unmet' },
        }[m],
        t[m].value,
        run.units.trade,
        `totals.${m}.value`,
      ),
    ),
  );
  return sortInjects(injects);
}

/** The first month (0-based, as in the result's monthly detail) in which any of the products has `of` > 0. */
function firstMonth(products: ProductResult[], of: (m: ProductResult['months'][number]) => number): number {
  let first = Infinity;
  for (const p of products) {
    const m = p.months.find((x) => of(x) > 0);
    if (m && m.month < first) first = m.month;
  }
  return Number.isFinite(first) ? first : 0;
}

const kindOrder = (k: InjectKind) =>
  [
    'brief',
    'shock',
    'substitution',
    'intelligence',
    'stock-out',
    'escalation',
    'economy',
    'recovery',
    'written',
    'situation',
  ].indexOf(k);

/** Injects in delivery order: by time, then brief → shock → … → situation, then id. */
export function sortInjects(injects: Inject[]): Inject[] {
  return [...injects].sort(
    (a, b) => a.at - b.at || kindOrder(a.kind) - kindOrder(b.kind) || a.id.localeCompare(b.id),
  );
}

import { joinMarkings, type Marking } from '../marking.ts';
import type {
  Bilingual,
  ExerciseDesign,
  ExerciseOrganisation,
  Inject,
  Questionnaire,
  Team,
} from './exercise.ts';

/**
 * Exercise templates for the exercises the seed implies (PRODUCT.md §3.5): each gives the scenario (shocks,
 * stockpiles, substitution) from a few parameters, the organisations and teams, objectives, the questionnaire, and
 * the hand-written injects that go beside the generated ones (a marked intelligence report; an escalation that
 * fires only if no stockpile release was decided; its confirmation if one was). `modelling` says how the template
 * is expressed with the scenario model of today (docs/scenarios.md) where that is an approximation.
 */
export interface SupplierChoice {
  /** 'world': the largest exporter of the products to the world; 'reporter': the reporter's largest supplier. */
  scope: 'world' | 'reporter';
  /** Only members of this country group (e.g. CONCERN) count, when any of them supplies the products. */
  among: string | null;
}

export interface ExerciseTemplate {
  id: string;
  title: Bilingual;
  description: Bilingual;
  modelling: Bilingual;
  defaultProducts: string[];
  /** The supplier the shock falls on, chosen from the trade data; null when the shock names no supplier. */
  supplier: SupplierChoice | null;
  objectives: Bilingual[];
}

export interface TemplateParameters {
  reporter: string;
  year: number | null;
  products: string[];
  /** The supplier chosen from the data (ISO3, names, its share of the products' trade in the chosen scope). */
  supplier: { iso3: string; en: string; ja: string; share: number } | null;
}

export const exerciseTemplates: readonly ExerciseTemplate[] = Object.freeze([
  {
    id: 'export-ban-critical-mineral',
    title: {
      ja: '重要鉱物の主要供給国による輸出禁止',
      en: 'Export ban on a critical mineral by its dominant supplier',
    },
    description: {
      ja: '世界最大の輸出国が重要鉱物(既定: ガリウム・ゲルマニウム等 811292、永久磁石 850511)の全輸出を6か月停止する。他の輸入国も代替調達を競う。',
      en: 'The largest world exporter stops all exports of a critical mineral (default: gallium, germanium … 811292 and permanent magnets 850511) for six months; other importers compete for substitutes.',
    },
    modelling: {
      ja: '輸出停止(export-cut、全輸入国向け)。供給国は基準年の世界輸出額が最大の国(対象国を除く)。',
      en: 'An export cut to all importers; the supplier is the largest exporter of the products to the world in the base year (other than the reporter).',
    },
    defaultProducts: ['811292', '850511'],
    supplier: { scope: 'world', among: null },
    objectives: [
      {
        ja: '備蓄放出の判断手順と所要時間を確認する',
        en: 'Rehearse the decision to release national stockpiles and how long it takes',
      },
      {
        ja: '同志国との代替調達の調整経路を確認する',
        en: 'Test the channels for substitute supply from like-minded partners',
      },
    ],
  },
  {
    id: 'chokepoint-closure',
    title: { ja: '海上チョークポイントの封鎖', en: 'Closure of a maritime chokepoint' },
    description: {
      ja: 'マラッカ海峡が1か月封鎖され、同海峡を通る輸入が止まる。',
      en: 'The Strait of Malacca is closed for a month; imports through it stop.',
    },
    modelling: {
      ja: '海峡封鎖(chokepoint-closure)。通過する輸入の割合は海上ネットワークの航路から算出(海上ネットワークのデータが必要)。',
      en: 'A chokepoint closure; the share of imports through the strait comes from the sea-route network (the maritime dataset must be imported).',
    },
    defaultProducts: [],
    supplier: null,
    objectives: [
      {
        ja: '迂回輸送の判断と業界への周知を確認する',
        en: 'Rehearse the rerouting decision and how industry is told',
      },
      { ja: '在庫の持ちこたえ期間を品目別に把握する', en: 'Know how long stocks last, product by product' },
    ],
  },
  {
    id: 'cyber-attack-supplier-plant',
    title: { ja: '主要供給者の工場へのサイバー攻撃', en: "Cyber attack on a key supplier's plant" },
    description: {
      ja: '対象国の最大の供給国にある主要工場がランサムウェアで停止し、当該品目の輸出が1〜3か月、3〜7割減少する。',
      en: "Ransomware stops a key plant in the reporter's largest supplier country: its exports of the products fall by 30–70 % for one to three months.",
    },
    modelling: {
      ja: 'シナリオ機能には工場・企業単位の衝撃がないため、供給国の当該品目の輸出削減(export-cut、削減率 30〜70%、期間 1〜3 か月の範囲でモンテカルロ)で表す。',
      en: "The scenario model has no plant- or firm-level shock: modelled as an export cut of the supplier country's exports of the products (share 30–70 %, duration 1–3 months, drawn in the Monte Carlo run).",
    },
    defaultProducts: ['850511'],
    supplier: { scope: 'reporter', among: null },
    objectives: [
      {
        ja: '供給者からの情報収集と官民の情報共有を確認する',
        en: 'Rehearse gathering information from the supplier and sharing it between government and industry',
      },
      {
        ja: '代替供給者への切替えに要する期間を確認する',
        en: 'Know how long switching to another supplier takes',
      },
    ],
  },
  {
    id: 'economic-coercion',
    title: { ja: '対象国への経済的威圧', en: 'Economic coercion against the reporter' },
    description: {
      ja: '懸念国が対象国(日本または同志国)のみを狙い、重要物資の輸出を12か月停止する。',
      en: 'A country of concern stops its exports of critical goods to the reporter only (Japan or a like-minded country) for twelve months.',
    },
    modelling: {
      ja: '対象国向けのみの輸出停止(export-cut、to: reporter)。威圧国は対象国への供給額が最大の懸念国(懸念国が供給していなければ最大の供給国)。',
      en: "An export cut to the reporter only; the coercing country is the reporter's largest supplier among the countries of concern (the largest supplier of all when none of them supplies the products).",
    },
    defaultProducts: ['811292', '850511', '250490'],
    supplier: { scope: 'reporter', among: 'CONCERN' },
    objectives: [
      { ja: '同志国との協調対応を確認する', en: 'Rehearse a coordinated response with like-minded partners' },
      {
        ja: '威圧への対抗措置と国内への影響を比較する',
        en: 'Weigh responses to coercion against their effect at home',
      },
    ],
  },
]);

export function findTemplate(id: string): ExerciseTemplate | undefined {
  return exerciseTemplates.find((t) => t.id === id);
}

const organisations: ExerciseOrganisation[] = [
  { id: 'ministry', name: { ja: '所管省庁', en: 'Ministry' }, kind: 'ministry', platformOrganisation: null },
  {
    id: 'association',
    name: { ja: '業界団体', en: 'Industry association' },
    kind: 'association',
    platformOrganisation: null,
  },
  {
    id: 'company',
    name: { ja: '需要企業', en: 'User company' },
    kind: 'company',
    platformOrganisation: null,
  },
  {
    id: 'partner',
    name: { ja: '同志国', en: 'Like-minded partner' },
    kind: 'foreign_partner',
    platformOrganisation: null,
  },
];
const teams: Team[] = [
  { id: 'gov', name: { ja: '経済安全保障室', en: 'Economic security office' }, organisation: 'ministry' },
  { id: 'industry', name: { ja: '業界団体', en: 'Industry association' }, organisation: 'association' },
  { id: 'company', name: { ja: '需要企業', en: 'User company' }, organisation: 'company' },
  { id: 'partners', name: { ja: '同志国との調整', en: 'Partner liaison' }, organisation: 'partner' },
];
export const templateTeams = { government: 'gov', industry: 'industry', partners: 'partners' };

export const defaultQuestionnaire: Questionnaire = {
  anonymous: true,
  questions: [
    { id: 'q1', text: { ja: 'うまくいったことは何か', en: 'What worked well?' }, kind: 'text' },
    { id: 'q2', text: { ja: '改善すべきことは何か', en: 'What should be improved?' }, kind: 'text' },
    {
      id: 'q3',
      text: { ja: '所属組織の備えの度合い(1〜5)', en: 'How prepared was your organisation (1–5)?' },
      kind: 'scale',
    },
  ],
};

/** The scenario file (as an object, the format of docs/scenarios.md) and the design of a template exercise. */
export function fromTemplate(
  template: ExerciseTemplate,
  params: TemplateParameters,
): { scenario: Record<string, unknown>; design: ExerciseDesign } {
  const supplier = params.supplier;
  const products = params.products.length ? params.products : template.defaultProducts;
  const who = supplier ?? { iso3: '', en: '', ja: '' };
  const common = {
    reporter: params.reporter,
    ...(params.year === null ? {} : { year: params.year }),
    stockpiles: { default: 60 },
    substitution: { likeMinded: 'LIKE_MINDED', likeMindedFirst: true, share: 0.1, rampUp: 3 },
    monteCarlo: { draws: 100, seed: 1 },
  };
  const cut = (
    share: number | [number, number],
    duration: number | [number, number],
    to: 'all' | 'reporter',
  ) => ({
    type: 'export-cut',
    exporter: who.iso3,
    products,
    share,
    start: 0,
    duration,
    to,
  });
  let scenario: Record<string, unknown>;
  let name: Bilingual;
  switch (template.id) {
    case 'export-ban-critical-mineral':
      name = {
        ja: `${who.ja}が ${products.join('・')} の輸出を6か月禁止`,
        en: `${who.en} bans exports of ${products.join(', ')} for 6 months`,
      };
      scenario = { ...common, horizon: 12, shocks: [cut(1, 6, 'all')] };
      break;
    case 'chokepoint-closure':
      name = { ja: 'マラッカ海峡が1か月封鎖', en: 'Strait of Malacca closed for one month' };
      scenario = {
        ...common,
        horizon: 6,
        shocks: [{ type: 'chokepoint-closure', passages: ['malacca'], share: 1, start: 0, duration: 1 }],
      };
      break;
    case 'cyber-attack-supplier-plant':
      name = {
        ja: `${who.ja}の主要工場へのサイバー攻撃(${products.join('・')})`,
        en: `Cyber attack on a key plant in ${who.en} (${products.join(', ')})`,
      };
      scenario = { ...common, horizon: 6, shocks: [cut([0.3, 0.7], [1, 3], 'all')] };
      break;
    case 'economic-coercion':
      name = {
        ja: `${who.ja}による経済的威圧: ${products.join('・')} の対${params.reporter}輸出を12か月停止`,
        en: `Coercion by ${who.en}: exports of ${products.join(', ')} to ${params.reporter} stopped for 12 months`,
      };
      scenario = { ...common, horizon: 18, shocks: [cut(1, 12, 'reporter')] };
      break;
    default:
      throw new Error(`template ${template.id} has no scenario`);
  }
  return {
    scenario: { name: name.en, nameJa: name.ja, ...scenario },
    design: {
      title: { ja: `図上演習: ${name.ja}`, en: `Tabletop exercise: ${name.en}` },
      description: template.description,
      template: template.id,
      objectives: template.objectives,
      organisations: organisations.map((o) => ({ ...o })),
      teams: teams.map((t) => ({ ...t })),
      questionnaire: defaultQuestionnaire,
      timeUnit: 'month',
      parameters: { reporter: params.reporter, year: params.year, products },
    },
  };
}

/**
 * The hand-written injects of a template exercise, placed against the generated ones: an intelligence report
 * marked at least 取扱注意 (restricted: only players cleared for it receive it), and, after the first stock-out
 * (or the shock), an escalation that fires only if no stockpile release was decided, or its confirmation if one was.
 */
export function templateInjects(
  template: ExerciseTemplate,
  params: TemplateParameters,
  generated: readonly Inject[],
  runMarking: Marking,
): Inject[] {
  const anchor = generated.find((i) => i.kind === 'stock-out') ?? generated.find((i) => i.kind === 'shock');
  const who = params.supplier;
  const base = {
    figures: [],
    source: null,
    condition: null,
    expectations: [],
  };
  const out: Inject[] = [
    {
      ...base,
      id: 'intelligence',
      kind: 'intelligence',
      at: Math.min(1, anchor?.at ?? 1),
      team: templateTeams.government,
      marking: joinMarkings([runMarking, { level: 1, compartments: [], releasableTo: null }]),
      title: { ja: '情報評価(取扱注意)', en: 'Intelligence assessment (restricted)' },
      body:
        template.id === 'chokepoint-closure'
          ? {
              ja: '海運・保険筋によれば、封鎖は想定より長引く可能性が高い。保険料率の引上げが検討されている。',
              en: 'Shipping and insurance sources expect the closure to last longer than announced; war-risk premiums are being raised.',
            }
          : {
              ja: `${who?.ja ?? '供給国'}は措置の対象品目を拡大する準備を進めているとの情報がある。公表前の情報であり、取扱いに注意すること。`,
              en: `${who?.en ?? 'The supplier'} is reported to be preparing to extend the measure to further products. Not public: handle with care.`,
            },
      expectations: [
        {
          id: 'intelligence-e1',
          text: {
            ja: '情報の取扱いを守りつつ、関係者への共有範囲を決める',
            en: 'Decide who may be told, within the handling rules',
          },
        },
      ],
    },
  ];
  if (anchor) {
    const condition = (taken: boolean) => ({
      inject: anchor.id,
      taken,
      action: 'stockpile-release' as const,
    });
    out.push(
      {
        ...base,
        id: 'escalation',
        kind: 'escalation',
        at: anchor.at + 0.5,
        team: 'company',
        marking: runMarking,
        condition: condition(false),
        title: { ja: '生産停止の報告', en: 'Production stoppages reported' },
        body: {
          ja: '備蓄放出が決まらないまま、会員企業から生産ライン停止の報告が相次いでいる。業界団体は緊急の放出を要請。',
          en: 'With no stockpile release decided, member companies report production lines stopping; the industry association calls for an emergency release.',
        },
        expectations: [
          {
            id: 'escalation-e1',
            text: { ja: '優先配分の基準を決める', en: 'Decide the rules for allocating scarce supply' },
          },
        ],
      },
      {
        ...base,
        id: 'release-confirmed',
        kind: 'written',
        at: anchor.at + 0.5,
        team: 'industry',
        marking: runMarking,
        condition: condition(true),
        title: { ja: '備蓄放出の開始', en: 'Stockpile release under way' },
        body: {
          ja: '備蓄機関が放出を開始した。配分の手続きと対象企業の確認が必要。',
          en: 'The stockpile agency has started the release; allocation and eligible companies must be confirmed.',
        },
      },
    );
  }
  return out;
}

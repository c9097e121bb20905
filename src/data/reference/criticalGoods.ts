/**
 * The specified critical goods (特定重要物資) under the Economic Security Promotion Act (経済安全保障推進法,
 * Act No. 43 of 2022, Art. 7), as designated by Cabinet Order (経済施策を一体的に講ずることによる安全保障の確保の
 * 推進に関する法律施行令, Cabinet Order No. 394 of 2022, 20 Dec 2022: eleven goods) and its amendment of
 * February 2024 (twelfth: advanced electronic components — capacitors and filters). The 2023 revisions of the
 * ministries' supply-securing policies (安定供給確保取組方針) widened several scopes (uranium among the critical
 * minerals; ball screws and linear guides for machine tools; titanium sponge for aircraft parts; manufacturing
 * equipment for semiconductors and batteries). A further amendment of December 2025 adds ventilators, drones,
 * satellite and rocket parts (16 goods); those are not in the defaults — add them to the registry if needed.
 *
 * HS6 mappings (HS 2017, the revision of BACI HS17) are ours: the Cabinet Order names goods, not tariff codes.
 * Each code says whether it is the good itself ('exact'), a broader code that contains it ('approximate'), or
 * an input or raw material the supply-securing policy covers ('input'). These are defaults: the registry in
 * application state (migration 400) is seeded from them and editable (CLI `chokepoint critical`, API).
 */
export type HsMatch = 'exact' | 'approximate' | 'input';

export interface CriticalHsCode {
  hs6: string;
  match: HsMatch;
  note: string;
  /** Where the mapping comes from (nomenclature heading, policy document), when it is not simply ours. */
  source?: string;
}

export interface CriticalGood {
  id: string;
  ja: string;
  en: string;
  designation: { ja: string; en: string };
  ministry: { ja: string; en: string };
  hs: CriticalHsCode[];
  note: string;
}

const order2022 = {
  ja: '経済安全保障推進法施行令 (令和4年政令第394号, 2022年12月20日)',
  en: 'Cabinet Order No. 394 of 2022 under the Economic Security Promotion Act (20 Dec 2022)',
};
const order2024 = {
  ja: '同施行令の改正 (2024年2月)',
  en: 'Amendment of the Cabinet Order (February 2024)',
};
const meti = { ja: '経済産業省', en: 'Ministry of Economy, Trade and Industry (METI)' };

const h = (hs6: string, match: HsMatch, note: string): CriticalHsCode => ({ hs6, match, note });

export const criticalGoodsDefaults: readonly CriticalGood[] = Object.freeze([
  {
    id: 'antibacterials',
    ja: '抗菌性物質製剤',
    en: 'antibacterial agents',
    designation: order2022,
    ministry: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare (MHLW)' },
    hs: [
      h('294110', 'input', 'penicillins and derivatives (β-lactam active ingredients, the policy’s focus)'),
      h('294190', 'approximate', 'other antibiotics (includes cephalosporins)'),
      h('300410', 'exact', 'medicaments in doses containing penicillins or streptomycins'),
      h('300420', 'exact', 'medicaments in doses containing other antibiotics'),
    ],
    note: 'The supply-securing policy targets β-lactam antibiotics and their raw materials and intermediates.',
  },
  {
    id: 'fertilizers',
    ja: '肥料',
    en: 'fertilizers',
    designation: order2022,
    ministry: { ja: '農林水産省', en: 'Ministry of Agriculture, Forestry and Fisheries (MAFF)' },
    hs: [
      h('310210', 'exact', 'urea'),
      h('310530', 'exact', 'diammonium hydrogenorthophosphate (DAP)'),
      h('310540', 'exact', 'ammonium dihydrogenorthophosphate (MAP)'),
      h('310420', 'exact', 'potassium chloride'),
      h('251010', 'input', 'natural calcium phosphates, unground (phosphate rock)'),
    ],
    note: 'Designated: phosphate (りん酸アンモニウム), potassium chloride (塩化加里) and urea (尿素) fertilizer materials.',
  },
  {
    id: 'permanent-magnets',
    ja: '永久磁石',
    en: 'permanent magnets',
    designation: order2022,
    ministry: meti,
    hs: [
      h('850511', 'exact', 'permanent magnets of metal (incl. NdFeB, SmCo)'),
      h('850519', 'approximate', 'permanent magnets of other materials (mostly ferrite)'),
      h('280530', 'input', 'rare-earth metals, scandium and yttrium'),
      h('284690', 'input', 'compounds of rare-earth metals other than cerium'),
    ],
    note: 'Rare-earth magnets and their raw materials (rare earths).',
  },
  {
    id: 'machine-tools-robots',
    ja: '工作機械・産業用ロボット',
    en: 'machine tools and industrial robots',
    designation: order2022,
    ministry: meti,
    hs: [
      h('845611', 'exact', 'machine tools operated by laser'),
      h('845710', 'exact', 'machining centres'),
      h('845811', 'exact', 'horizontal lathes, numerically controlled'),
      h('845891', 'exact', 'other lathes, numerically controlled'),
      h('845961', 'exact', 'milling machines, numerically controlled'),
      h('846022', 'exact', 'centreless grinding machines, numerically controlled'),
      h('846221', 'exact', 'bending, folding, straightening machines, numerically controlled'),
      h('847950', 'exact', 'industrial robots, n.e.s.'),
      h('846693', 'input', 'parts and accessories of machine tools of 8456–8461 (incl. CNC parts)'),
      h('848340', 'input', 'gears, ball or roller screws (ball screws added in 2023)'),
      h('848299', 'approximate', 'parts of ball or roller bearings (linear guides are classified nearby; approximate)'),
      h('853710', 'approximate', 'boards and panels for numerical control, ≤ 1,000 V (CNC units; broader code)'),
    ],
    note: 'Numerically controlled machine tools, industrial robots and key components (CNC, servo, ball screws, linear guides).',
  },
  {
    id: 'aircraft-parts',
    ja: '航空機の部品',
    en: 'aircraft parts',
    designation: order2022,
    ministry: meti,
    hs: [
      h('841191', 'exact', 'parts of turbojets and turbopropellers'),
      h('841112', 'approximate', 'turbojets of a thrust > 25 kN (engines, not only parts)'),
      h('880330', 'exact', 'other parts of aeroplanes or helicopters'),
      h('880320', 'exact', 'undercarriages and parts'),
      h('810820', 'input', 'unwrought titanium; powders (titanium sponge, added in 2023)'),
    ],
    note: 'Aircraft engine parts, airframe structural parts (large forgings, CFRP) and titanium sponge.',
  },
  {
    id: 'semiconductors',
    ja: '半導体',
    en: 'semiconductors',
    designation: order2022,
    ministry: meti,
    hs: [
      h('854231', 'exact', 'processors and controllers'),
      h('854232', 'exact', 'memories'),
      h('854233', 'exact', 'amplifiers'),
      h('854239', 'exact', 'other electronic integrated circuits'),
      h('854129', 'exact', 'transistors, other than photosensitive, ≥ 1 W (power semiconductors)'),
      h('854140', 'approximate', 'photosensitive semiconductor devices, LEDs (broad)'),
      h('848620', 'input', 'machines for the manufacture of semiconductor devices or ICs (equipment added in 2023)'),
      h('848690', 'input', 'parts of semiconductor manufacturing machines'),
      h('381800', 'input', 'chemical elements doped for electronics, e.g. silicon wafers'),
      h('280461', 'input', 'silicon ≥ 99.99 % (polysilicon)'),
    ],
    note: 'Semiconductor devices (legacy, power, analogue), manufacturing equipment, components and materials.',
  },
  {
    id: 'storage-batteries',
    ja: '蓄電池',
    en: 'storage batteries',
    designation: order2022,
    ministry: meti,
    hs: [
      h('850760', 'exact', 'lithium-ion accumulators'),
      h('850780', 'approximate', 'other accumulators (incl. other chemistries)'),
      h('850790', 'approximate', 'parts of accumulators (separators and electrolyte are classified elsewhere by material)'),
      h('283691', 'input', 'lithium carbonates'),
      h('282520', 'input', 'lithium oxide and hydroxide'),
      h('282200', 'input', 'cobalt oxides and hydroxides'),
      h('250410', 'input', 'natural graphite in powder or flakes (anode material)'),
      h('380110', 'input', 'artificial graphite (anode material)'),
    ],
    note: 'Storage batteries, their parts and materials (cathode, anode, separator, electrolyte) and, since 2023, manufacturing equipment (no specific HS6).',
  },
  {
    id: 'cloud-programs',
    ja: 'クラウドプログラム',
    en: 'cloud programs',
    designation: order2022,
    ministry: meti,
    hs: [],
    note: 'Software services: no goods trade code. Not screenable with merchandise trade data.',
  },
  {
    id: 'natural-gas',
    ja: '天然ガス',
    en: 'natural gas',
    designation: order2022,
    ministry: { ja: '経済産業省 資源エネルギー庁', en: 'METI, Agency for Natural Resources and Energy' },
    hs: [
      h('271111', 'exact', 'natural gas, liquefied (LNG)'),
      h('271121', 'exact', 'natural gas in gaseous state'),
    ],
    note: 'LNG (the designated form is liquefied natural gas for power and city gas).',
  },
  {
    id: 'critical-minerals',
    ja: '重要鉱物',
    en: 'critical minerals',
    designation: order2022,
    ministry: meti,
    hs: [
      h('260200', 'exact', 'manganese ores and concentrates'),
      h('750210', 'exact', 'nickel, not alloyed, unwrought'),
      h('261000', 'exact', 'chromium ores and concentrates'),
      h('810194', 'exact', 'tungsten, unwrought'),
      h('261100', 'exact', 'tungsten ores and concentrates'),
      h('810294', 'exact', 'molybdenum, unwrought'),
      h('282200', 'approximate', 'cobalt oxides and hydroxides (misses cobalt metal 8105)'),
      h('810520', 'exact', 'cobalt mattes, unwrought cobalt, powders'),
      h('720293', 'approximate', 'ferro-niobium'),
      h('810320', 'exact', 'tantalum, unwrought'),
      h('811010', 'exact', 'antimony, unwrought; powders'),
      h('283691', 'exact', 'lithium carbonates'),
      h('282520', 'exact', 'lithium oxide and hydroxide'),
      h('252800', 'approximate', 'natural borates (boron)'),
      h('810820', 'exact', 'titanium, unwrought'),
      h('720292', 'approximate', 'ferro-vanadium'),
      h('283692', 'approximate', 'strontium carbonate'),
      h('280530', 'exact', 'rare-earth metals'),
      h('284690', 'exact', 'rare-earth compounds other than cerium'),
      h('711011', 'exact', 'platinum, unwrought or in powder'),
      h('711021', 'exact', 'palladium, unwrought or in powder'),
      h('811212', 'exact', 'beryllium, unwrought'),
      h('811292', 'approximate', 'unwrought gallium, germanium, indium, hafnium, rhenium … (one HS6 for several metals)'),
      h('280490', 'exact', 'selenium'),
      h('250410', 'exact', 'natural graphite, powder or flakes'),
      h('250490', 'exact', 'natural graphite, other'),
      h('252922', 'exact', 'fluorspar, > 97 % calcium fluoride'),
      h('810411', 'exact', 'magnesium, unwrought, ≥ 99.8 %'),
      h('280469', 'exact', 'silicon < 99.99 %'),
      h('280470', 'exact', 'phosphorus'),
      h('261210', 'exact', 'uranium ores and concentrates (added in 2023)'),
    ],
    note: 'The minerals listed in METI’s supply-securing policy (Mn, Ni, Cr, W, Mo, Co, Nb, Ta, Sb, Li, B, Ti, V, Sr, rare earths, PGMs, Be, Ga, Ge, Se, Rb, Zr, In, Te, Cs, Ba, Hf, Re, Tl, Bi, graphite, fluorspar, Mg, Si, P, uranium); HS6 often covers an ore or a metal only.',
  },
  {
    id: 'ship-parts',
    ja: '船舶の部品',
    en: 'ship parts',
    designation: order2022,
    ministry: { ja: '国土交通省', en: 'Ministry of Land, Infrastructure, Transport and Tourism (MLIT)' },
    hs: [
      h('840810', 'exact', 'marine propulsion compression-ignition engines'),
      h('848710', 'exact', 'ships’ or boats’ propellers and blades'),
      h('852691', 'approximate', 'radio navigational aid apparatus'),
      h('901480', 'approximate', 'other navigational instruments'),
      h('840991', 'approximate', 'parts of spark-ignition engines (broad; marine engine parts are within 8409)'),
    ],
    note: 'Marine engines, propulsion and navigation equipment (ship hull parts added December 2025, not in the defaults).',
  },
  {
    id: 'advanced-electronic-components',
    ja: '先端電子部品',
    en: 'advanced electronic components',
    designation: order2024,
    ministry: meti,
    hs: [
      h('853224', 'exact', 'multilayer ceramic capacitors (MLCC)'),
      h('853221', 'exact', 'tantalum capacitors'),
      h('853222', 'exact', 'aluminium electrolytic capacitors'),
      h('853225', 'exact', 'capacitors with paper or plastics dielectric (film capacitors)'),
      h('854160', 'approximate', 'mounted piezo-electric crystals (crystal units; SAW filters classify nearby)'),
      h('854890', 'approximate', 'electrical parts n.e.s. (incl. some filters; broad)'),
    ],
    note: 'Capacitors and filters (コンデンサー及びろ波器), designated in February 2024.',
  },
]);

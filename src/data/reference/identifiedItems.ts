import type { CriticalHsCode, HsMatch } from './criticalGoods.ts';
import type { PatentFieldRef } from './technologies.ts';
import type { RegistryDefinition } from './registryDefaults.ts';

/**
 * Goods and technologies the seed names beyond the twelve specified critical goods: items of the METI action plan
 * on the industrial and technology base for economic security (経済安全保障に関する産業・技術基盤強化アクションプラン
 * 改訂版, May 2024) and the four β-lactam antibacterials of MHLW's supply-securing policy. They ship as *proposed*
 * registry entries: listed in the registry and the risk register, but left out of the screen's critical filter,
 * the zones and the early-warning lists until an analyst adopts them (`chokepoint registry adopt <id>`), so the
 * twelve specified goods stay the default.
 *
 * HS6 codes are HS 2017 (the revision of BACI HS17), each checked against the nomenclature
 * (../shared/data/hs/baci_product_codes_hs17_bec.csv; test/identification/registryDefaults.test.ts) and graded
 * like criticalGoods.ts: 'exact' (the code is the good), 'approximate' (a broader code containing it), 'input'
 * (a material or intermediate it needs). Where HS 2022 split a code, the note says so. Items without trade of
 * their own (quantum devices, solid electrolytes) map to their traded inputs, and say so.
 */
export type IdentifiedItem = Omit<RegistryDefinition, 'status'>;

const actionPlan = {
  ja: '経済安全保障に関する産業・技術基盤強化アクションプラン改訂版 (経済産業省, 2024年5月) が挙げる品目',
  en: 'named in the METI action plan on the industrial and technology base for economic security (revised May 2024)',
};
const meti = { ja: '経済産業省', en: 'Ministry of Economy, Trade and Industry (METI)' };

const h = (hs6: string, match: HsMatch, note: string, source: string): CriticalHsCode => ({
  hs6,
  match,
  note,
  source,
});
const field = (source: string, name: string): PatentFieldRef => ({ source, field: name });

export const identifiedItems: readonly IdentifiedItem[] = Object.freeze([
  {
    id: 'perovskite-solar-cells',
    kind: 'good',
    ja: 'ペロブスカイト太陽電池・よう素',
    en: 'perovskite solar cells and iodine',
    designation: actionPlan,
    ministry: meti,
    hs: [
      h(
        '854140',
        'approximate',
        'photosensitive semiconductor devices incl. photovoltaic cells and modules, and LEDs (perovskite cells are PV cells; HS 2022 splits PV cells into 854142/854143)',
        'HS 2017 subheading 8541.40',
      ),
      h(
        '280120',
        'input',
        'iodine (the perovskite absorber is a lead iodide perovskite; Japan produces iodine from natural-gas brines)',
        'HS 2017 subheading 2801.20',
      ),
      h('282760', 'input', 'iodides and iodide oxides (lead iodide precursor)', 'HS 2017 subheading 2827.60'),
    ],
    patentFields: [field('pct', 'electrical-engineering')],
    domains: ['clean-tech'],
    note: 'Perovskite cells have no HS code of their own: they are traded as photovoltaic cells.',
  },
  {
    id: 'solid-state-battery-electrolytes',
    kind: 'good',
    ja: '全固体電池の固体電解質',
    en: 'solid-state battery electrolytes',
    designation: actionPlan,
    ministry: meti,
    hs: [
      h(
        '283090',
        'input',
        'sulphides n.e.s. (lithium sulphide, precursor of sulphide solid electrolytes)',
        'HS 2017 subheading 2830.90',
      ),
      h(
        '281390',
        'input',
        'sulphides of non-metals (phosphorus pentasulphide, the other precursor of sulphide electrolytes)',
        'HS 2017 subheading 2813.90',
      ),
      h(
        '850760',
        'approximate',
        'lithium-ion accumulators (solid-state lithium cells have no code of their own)',
        'HS 2017 subheading 8507.60',
      ),
    ],
    patentFields: [field('pct', 'chemistry')],
    domains: ['clean-tech'],
    note: 'Solid electrolytes are classified by composition; no HS6 isolates them. Their precursors and the cells are shown instead.',
  },
  {
    id: 'quantum-components',
    kind: 'good',
    ja: '量子技術の部材(極低温冷凍機・ヘリウム)',
    en: 'quantum technology components (cryogenic cooling, helium)',
    designation: actionPlan,
    ministry: meti,
    hs: [
      h(
        '841869',
        'approximate',
        'refrigerating equipment n.e.s. (dilution refrigerators and cryocoolers fall here; broad)',
        'HS 2017 subheading 8418.69',
      ),
      h(
        '284590',
        'input',
        'isotopes other than heavy water (helium-3 for dilution refrigerators)',
        'HS 2017 subheading 2845.90',
      ),
      h(
        '280429',
        'input',
        'rare gases other than argon (helium for cryogenic cooling)',
        'HS 2017 subheading 2804.29',
      ),
    ],
    patentFields: [field('wipo', 'quantum')],
    domains: ['computing'],
    note: 'Quantum computers and sensors have no HS code; these are the cryogenic equipment and gases they need. The technology itself is tech-quantum.',
  },
  {
    id: 'photonics-electronics-convergence',
    kind: 'technology',
    ja: '光電融合技術',
    en: 'photonics-electronics convergence',
    designation: actionPlan,
    ministry: meti,
    hs: [
      h(
        '851762',
        'approximate',
        'machines for the reception, conversion and transmission of data (incl. optical transceivers)',
        'HS 2017 subheading 8517.62',
      ),
      h('854470', 'approximate', 'optical fibre cables', 'HS 2017 subheading 8544.70'),
      h('900110', 'input', 'optical fibres and optical fibre bundles', 'HS 2017 subheading 9001.10'),
      h('901320', 'approximate', 'lasers other than laser diodes', 'HS 2017 subheading 9013.20'),
      h(
        '854140',
        'approximate',
        'photosensitive semiconductor devices incl. photodiodes (HS 2017; broad)',
        'HS 2017 subheading 8541.40',
      ),
    ],
    patentFields: [field('pct', 'electrical-engineering'), field('pct', 'instruments')],
    domains: ['computing'],
    note: 'Photonic integrated circuits are classified with integrated circuits (8542); the codes above are the optical parts of the trade.',
  },
  {
    id: 'bio-manufacturing',
    kind: 'technology',
    ja: 'バイオものづくり',
    en: 'bio-manufacturing',
    designation: actionPlan,
    ministry: meti,
    hs: [
      h('350790', 'approximate', 'enzymes and prepared enzymes n.e.s.', 'HS 2017 subheading 3507.90'),
      h(
        '382100',
        'input',
        'prepared culture media for micro-organisms and cells',
        'HS 2017 subheading 3821.00',
      ),
      h(
        '300290',
        'approximate',
        'toxins, cultures of micro-organisms and similar products (HS 2017; HS 2022 moved cultures within 3002)',
        'HS 2017 subheading 3002.90',
      ),
      h(
        '292241',
        'approximate',
        'lysine and its esters and salts (a fermentation product)',
        'HS 2017 subheading 2922.41',
      ),
    ],
    patentFields: [field('pct', 'chemistry')],
    domains: ['biotech'],
    note: 'Products made by fermentation or cell culture are classified by what they are; these codes cover enzymes, culture media and a typical fermentation product.',
  },
  {
    id: 'medical-devices-analysers',
    kind: 'good',
    ja: '医療機器・分析機器',
    en: 'medical devices and analysers',
    designation: actionPlan,
    ministry: { ja: '厚生労働省・経済産業省', en: 'MHLW and METI' },
    hs: [
      h('901812', 'exact', 'ultrasonic scanning apparatus', 'HS 2017 subheading 9018.12'),
      h('901813', 'exact', 'magnetic resonance imaging apparatus', 'HS 2017 subheading 9018.13'),
      h('901819', 'exact', 'electro-diagnostic apparatus n.e.s.', 'HS 2017 subheading 9018.19'),
      h('902212', 'exact', 'computed tomography apparatus', 'HS 2017 subheading 9022.12'),
      h(
        '902214',
        'exact',
        'X-ray apparatus for medical, surgical or veterinary uses n.e.s.',
        'HS 2017 subheading 9022.14',
      ),
      h(
        '902780',
        'approximate',
        'instruments for physical or chemical analysis n.e.s. (HS 2017; HS 2022 splits mass spectrometers 902781 from the rest 902789)',
        'HS 2017 subheading 9027.80',
      ),
      h(
        '382200',
        'approximate',
        'diagnostic or laboratory reagents (HS 2017; HS 2022 splits 3822.11–3822.90)',
        'HS 2017 subheading 3822.00',
      ),
      h('901890', 'approximate', 'medical instruments and appliances n.e.s.', 'HS 2017 subheading 9018.90'),
    ],
    patentFields: [field('pct', 'instruments')],
    domains: ['biotech'],
    note: 'Diagnostic imaging, electro-diagnostic apparatus, analysers and reagents.',
  },
  {
    id: 'beta-lactam-apis',
    kind: 'good',
    ja: 'βラクタム系抗菌薬の原薬(4成分)',
    en: 'active pharmaceutical ingredients of the four β-lactam antibacterials',
    designation: {
      ja: '抗菌性物質製剤に係る安定供給確保を図るための取組方針 (厚生労働省, 2023年): セファゾリン、セフメタゾール、アンピシリン・スルバクタム、タゾバクタム・ピペラシリン',
      en: 'MHLW supply-securing policy for antibacterial agents (2023): cefazolin, cefmetazole, ampicillin/sulbactam, tazobactam/piperacillin',
    },
    ministry: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare (MHLW)' },
    hs: [
      h(
        '294110',
        'exact',
        'penicillins and derivatives with a penicillanic acid structure (ampicillin, piperacillin, the 6-APA nucleus)',
        'HS 2017 subheading 2941.10',
      ),
      h(
        '294190',
        'approximate',
        'other antibiotics (cephalosporins: cefazolin, cefmetazole and the 7-ACA nucleus)',
        'HS 2017 subheading 2941.90',
      ),
    ],
    patentFields: [field('pct', 'chemistry')],
    domains: ['biotech'],
    note: 'The β-lactamase inhibitors sulbactam and tazobactam classify by structure (2941.10 or 2934.99); their HS code is not certain and is not listed.',
  },
  {
    id: 'semiconductor-equipment-materials',
    kind: 'good',
    ja: '半導体製造装置・部素材',
    en: 'semiconductor manufacturing equipment and materials',
    designation: actionPlan,
    ministry: meti,
    hs: [
      h(
        '848610',
        'exact',
        'machines for the manufacture of semiconductor boules or wafers',
        'HS 2017 subheading 8486.10',
      ),
      h(
        '848620',
        'exact',
        'machines for the manufacture of semiconductor devices or integrated circuits',
        'HS 2017 subheading 8486.20',
      ),
      h(
        '848640',
        'exact',
        'machines for masks and reticles, assembly of devices (Note 9 (C) to Chapter 84)',
        'HS 2017 subheading 8486.40',
      ),
      h('848690', 'exact', 'parts and accessories of the machines of 8486', 'HS 2017 subheading 8486.90'),
      h(
        '903082',
        'exact',
        'instruments for measuring or checking semiconductor wafers or devices',
        'HS 2017 subheading 9030.82',
      ),
      h(
        '903141',
        'exact',
        'optical instruments for inspecting wafers, devices, photomasks or reticles',
        'HS 2017 subheading 9031.41',
      ),
      h(
        '381800',
        'exact',
        'chemical elements and compounds doped for electronics (wafers)',
        'HS 2017 subheading 3818.00',
      ),
      h('280461', 'exact', 'silicon ≥ 99.99 % (polysilicon)', 'HS 2017 subheading 2804.61'),
      h(
        '370790',
        'approximate',
        'chemical preparations for photographic uses (incl. photoresists)',
        'HS 2017 subheading 3707.90',
      ),
      h(
        '370500',
        'approximate',
        'photographic plates and film, exposed and developed (incl. photomasks)',
        'HS 2017 subheading 3705.00',
      ),
      h('281111', 'input', 'hydrogen fluoride (etching and cleaning gas)', 'HS 2017 subheading 2811.11'),
      h(
        '281290',
        'approximate',
        'halides of non-metals other than chlorides (incl. nitrogen trifluoride)',
        'HS 2017 subheading 2812.90',
      ),
      h(
        '284920',
        'input',
        'silicon carbide (substrates for power semiconductors)',
        'HS 2017 subheading 2849.20',
      ),
    ],
    patentFields: [field('uspto', 'semiconductors')],
    domains: ['computing'],
    note: 'Front-end and inspection equipment, wafers, polysilicon, photoresists, photomasks and process gases.',
  },
]);

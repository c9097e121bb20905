/**
 * Countries and territories as they appear in trade data: ISO 3166-1 codes, the numeric codes BACI and
 * UN Comtrade use (which differ from ISO numeric where a reporter covers more than one territory: 842 USA with
 * Puerto Rico, 251 France with Monaco, 757 Switzerland with Liechtenstein, 579 Norway with Svalbard, 699 India,
 * 490 "Other Asia, nes" = Taiwan …), Japan Customs' 3-digit country codes, English and Japanese names and the
 * name variants users and source files write.
 *
 * Our own curated table. Codes follow ISO 3166-1, CEPII's BACI country list (V202201 and the codes used in
 * V202401+ data, e.g. 58 and 280) and Japan Customs' 国名符号表; Japanese short names follow the style of the
 * Ministry of Foreign Affairs (外務省) and are our own transcription.
 *
 * Entities without an ISO code (aggregates such as "Europe EFTA, nes") get a code from ISO 3166-1's
 * user-assigned range (X..), except World, which takes the widely used WLD. Every record says its `kind`.
 */

export type CountryKind = 'country' | 'territory' | 'historical' | 'area';

export type RegionId =
  | 'east-asia'
  | 'southeast-asia'
  | 'south-asia'
  | 'central-asia'
  | 'middle-east'
  | 'europe'
  | 'north-america'
  | 'latin-america'
  | 'africa'
  | 'oceania'
  | 'world';

export const regions: Record<RegionId, { en: string; ja: string }> = {
  'east-asia': { en: 'East Asia', ja: '東アジア' },
  'southeast-asia': { en: 'Southeast Asia', ja: '東南アジア' },
  'south-asia': { en: 'South Asia', ja: '南アジア' },
  'central-asia': { en: 'Central Asia and Caucasus', ja: '中央アジア・コーカサス' },
  'middle-east': { en: 'Middle East', ja: '中東' },
  europe: { en: 'Europe', ja: '欧州' },
  'north-america': { en: 'North America', ja: '北米' },
  'latin-america': { en: 'Latin America and the Caribbean', ja: '中南米' },
  africa: { en: 'Africa', ja: 'アフリカ' },
  oceania: { en: 'Oceania', ja: '大洋州' },
  world: { en: 'World and special areas', ja: '世界・特殊地域' },
};

export interface Country {
  /** ISO 3166-1 alpha-3 (or a user-assigned X.. code for entities without one; see `kind`). */
  iso3: string;
  iso2?: string;
  isoNumeric?: number;
  /** Numeric codes BACI / UN Comtrade use for this entity; the first is the one current data uses most. */
  baciCodes: number[];
  /** Japan Customs 3-digit country code (輸出入統計 国名符号). */
  customsCode?: number;
  en: string;
  ja: string;
  region: RegionId;
  kind: CountryKind;
  /** Other spellings met in source files and user input (English, Japanese, old names). */
  variants: string[];
  /** ISO3 of the entity whose trade code covers this territory (Monaco is reported within France's 251). */
  includedIn?: string;
  note?: string;
}

interface Extra {
  variants?: string[];
  kind?: CountryKind;
  includedIn?: string;
  note?: string;
}

function c(
  iso3: string,
  iso2: string | undefined,
  isoNumeric: number | undefined,
  baciCodes: number[],
  customsCode: number | undefined,
  region: RegionId,
  en: string,
  ja: string,
  extra: Extra = {},
): Country {
  return {
    iso3,
    iso2,
    isoNumeric,
    baciCodes,
    customsCode,
    en,
    ja,
    region,
    kind: extra.kind ?? 'country',
    variants: extra.variants ?? [],
    includedIn: extra.includedIn,
    note: extra.note,
  };
}

const T: Extra = { kind: 'territory' };
const t = (variants: string[] = [], includedIn?: string): Extra => ({
  kind: 'territory',
  variants,
  includedIn,
});
const v = (...variants: string[]): Extra => ({ variants });

// prettier-ignore
const table: Country[] = [
  // East Asia
  c('CHN', 'CN', 156, [156], 105, 'east-asia', 'China', '中国', v("People's Republic of China", 'China, mainland', 'PRC', '中華人民共和国')),
  c('HKG', 'HK', 344, [344], 108, 'east-asia', 'Hong Kong, China', '香港', t(['Hong Kong', 'China, Hong Kong SAR', 'China, Hong Kong Special Administrative Region', 'Hong Kong SAR', 'Hong Kong SAR, China', '中国香港'])),
  c('MAC', 'MO', 446, [446], 129, 'east-asia', 'Macao, China', 'マカオ', t(['Macao', 'Macau', 'China, Macao SAR', 'China, Macao Special Administrative Region', 'Macao SAR, China', '中国マカオ'])),
  c('TWN', 'TW', 158, [490], 106, 'east-asia', 'Taiwan', '台湾', { variants: ['Other Asia, nes', 'Other Asia, not elsewhere specified', 'Chinese Taipei', 'Taiwan, Province of China', 'Taipei, Chinese', 'Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu'], note: 'BACI and UN Comtrade report Taiwan as 490 "Other Asia, nes".' }),
  c('JPN', 'JP', 392, [392], undefined, 'east-asia', 'Japan', '日本', v('日本国')),
  c('KOR', 'KR', 410, [410], 103, 'east-asia', 'Republic of Korea', '韓国', v('Korea', 'South Korea', 'Rep. of Korea', 'Korea, Republic of', 'Korea, Rep.', 'Korea (Republic of)', '大韓民国')),
  c('PRK', 'KP', 408, [408], 104, 'east-asia', "Democratic People's Republic of Korea", '北朝鮮', v('North Korea', "Dem. People's Rep. of Korea", "Korea, Democratic People's Republic of", "Korea, Dem. People's Rep.", "Korea, Dem. Rep.", '朝鮮民主主義人民共和国')),
  c('MNG', 'MN', 496, [496], 107, 'east-asia', 'Mongolia', 'モンゴル'),
  // Southeast Asia
  c('BRN', 'BN', 96, [96], 116, 'southeast-asia', 'Brunei Darussalam', 'ブルネイ', v('Brunei')),
  c('KHM', 'KH', 116, [116], 120, 'southeast-asia', 'Cambodia', 'カンボジア'),
  c('IDN', 'ID', 360, [360], 118, 'southeast-asia', 'Indonesia', 'インドネシア'),
  c('LAO', 'LA', 418, [418], 121, 'southeast-asia', "Lao People's Democratic Republic", 'ラオス', v('Laos', "Lao People's Dem. Rep.", 'Lao PDR')),
  c('MYS', 'MY', 458, [458], 113, 'southeast-asia', 'Malaysia', 'マレーシア'),
  c('MMR', 'MM', 104, [104], 122, 'southeast-asia', 'Myanmar', 'ミャンマー', v('Burma')),
  c('PHL', 'PH', 608, [608], 117, 'southeast-asia', 'Philippines', 'フィリピン', v('The Philippines')),
  c('SGP', 'SG', 702, [702], 112, 'southeast-asia', 'Singapore', 'シンガポール'),
  c('THA', 'TH', 764, [764], 111, 'southeast-asia', 'Thailand', 'タイ'),
  c('TLS', 'TL', 626, [626], 128, 'southeast-asia', 'Timor-Leste', '東ティモール', v('East Timor')),
  c('VNM', 'VN', 704, [704], 110, 'southeast-asia', 'Viet Nam', 'ベトナム', v('Vietnam')),
  // South Asia
  c('AFG', 'AF', 4, [4], 130, 'south-asia', 'Afghanistan', 'アフガニスタン'),
  c('BGD', 'BD', 50, [50], 127, 'south-asia', 'Bangladesh', 'バングラデシュ'),
  c('BTN', 'BT', 64, [64], 132, 'south-asia', 'Bhutan', 'ブータン'),
  c('IND', 'IN', 356, [699, 356], 123, 'south-asia', 'India', 'インド'),
  c('MDV', 'MV', 462, [462], 126, 'south-asia', 'Maldives', 'モルディブ'),
  c('NPL', 'NP', 524, [524], 131, 'south-asia', 'Nepal', 'ネパール'),
  c('PAK', 'PK', 586, [586], 124, 'south-asia', 'Pakistan', 'パキスタン'),
  c('LKA', 'LK', 144, [144], 125, 'south-asia', 'Sri Lanka', 'スリランカ'),
  c('IOT', 'IO', 86, [86], 557, 'south-asia', 'British Indian Ocean Territory', '英領インド洋地域', t(['Br. Indian Ocean Terr.', 'British Indian Ocean Territories'])),
  // Central Asia and Caucasus
  c('ARM', 'AM', 51, [51], 151, 'central-asia', 'Armenia', 'アルメニア'),
  c('AZE', 'AZ', 31, [31], 150, 'central-asia', 'Azerbaijan', 'アゼルバイジャン'),
  c('GEO', 'GE', 268, [268], 157, 'central-asia', 'Georgia', 'ジョージア', v('グルジア')),
  c('KAZ', 'KZ', 398, [398], 153, 'central-asia', 'Kazakhstan', 'カザフスタン'),
  c('KGZ', 'KG', 417, [417], 154, 'central-asia', 'Kyrgyzstan', 'キルギス', v('Kyrgyz Republic', 'Kyrgyz')),
  c('TJK', 'TJ', 762, [762], 155, 'central-asia', 'Tajikistan', 'タジキスタン'),
  c('TKM', 'TM', 795, [795], 156, 'central-asia', 'Turkmenistan', 'トルクメニスタン'),
  c('UZB', 'UZ', 860, [860], 152, 'central-asia', 'Uzbekistan', 'ウズベキスタン'),
  // Middle East
  c('BHR', 'BH', 48, [48], 135, 'middle-east', 'Bahrain', 'バーレーン'),
  c('IRN', 'IR', 364, [364], 133, 'middle-east', 'Iran', 'イラン', v('Iran (Islamic Republic of)', 'Iran, Islamic Rep.', 'Islamic Republic of Iran')),
  c('IRQ', 'IQ', 368, [368], 134, 'middle-east', 'Iraq', 'イラク'),
  c('ISR', 'IL', 376, [376], 143, 'middle-east', 'Israel', 'イスラエル'),
  c('JOR', 'JO', 400, [400], 144, 'middle-east', 'Jordan', 'ヨルダン'),
  c('KWT', 'KW', 414, [414], 138, 'middle-east', 'Kuwait', 'クウェート'),
  c('LBN', 'LB', 422, [422], 146, 'middle-east', 'Lebanon', 'レバノン'),
  c('OMN', 'OM', 512, [512], 141, 'middle-east', 'Oman', 'オマーン'),
  c('PSE', 'PS', 275, [275], 158, 'middle-east', 'State of Palestine', 'パレスチナ', v('Palestine', 'West Bank and Gaza', 'The West Bank and Gaza Strip', 'Occupied Palestinian Territory')),
  c('QAT', 'QA', 634, [634], 140, 'middle-east', 'Qatar', 'カタール'),
  c('SAU', 'SA', 682, [682], 137, 'middle-east', 'Saudi Arabia', 'サウジアラビア'),
  c('SYR', 'SY', 760, [760], 145, 'middle-east', 'Syria', 'シリア', v('Syrian Arab Republic')),
  c('ARE', 'AE', 784, [784], 147, 'middle-east', 'United Arab Emirates', 'アラブ首長国連邦', v('UAE', 'U.A.E.')),
  c('YEM', 'YE', 887, [887], 149, 'middle-east', 'Yemen', 'イエメン'),
  c('TUR', 'TR', 792, [792], 234, 'middle-east', 'Türkiye', 'トルコ', v('Turkey', 'Republic of Türkiye', 'テュルキエ')),
  // Europe
  c('ALB', 'AL', 8, [8], 229, 'europe', 'Albania', 'アルバニア'),
  c('AND', 'AD', 20, [20], 212, 'europe', 'Andorra', 'アンドラ'),
  c('AUT', 'AT', 40, [40], 225, 'europe', 'Austria', 'オーストリア'),
  c('BLR', 'BY', 112, [112], 239, 'europe', 'Belarus', 'ベラルーシ'),
  c('BEL', 'BE', 56, [56, 58], 208, 'europe', 'Belgium', 'ベルギー', { note: 'BACI code 58 "Belgium-Luxembourg" is mapped to Belgium as in CEPII\'s country list; BACI data from V202401 on reports Belgium as 58 and Luxembourg separately as 442.', variants: ['Belgium-Luxembourg', 'Belgium and Luxembourg'] }),
  c('BIH', 'BA', 70, [70], 243, 'europe', 'Bosnia and Herzegovina', 'ボスニア・ヘルツェゴビナ', v('Bosnia Herzegovina', 'Bosnia')),
  c('BGR', 'BG', 100, [100], 232, 'europe', 'Bulgaria', 'ブルガリア'),
  c('HRV', 'HR', 191, [191], 241, 'europe', 'Croatia', 'クロアチア'),
  c('CYP', 'CY', 196, [196], 233, 'europe', 'Cyprus', 'キプロス'),
  c('CZE', 'CZ', 203, [203], 245, 'europe', 'Czechia', 'チェコ', v('Czech Republic')),
  c('DNK', 'DK', 208, [208], 204, 'europe', 'Denmark', 'デンマーク'),
  c('EST', 'EE', 233, [233], 235, 'europe', 'Estonia', 'エストニア'),
  c('FRO', 'FO', 234, [], 249, 'europe', 'Faroe Islands', 'フェロー諸島', t(['Faroe Islands (Denmark)', 'Faeroe Islands'])),
  c('FIN', 'FI', 246, [246], 222, 'europe', 'Finland', 'フィンランド'),
  c('FRA', 'FR', 250, [251, 250], 210, 'europe', 'France', 'フランス', v('France, Monaco', 'フランス共和国')),
  c('MCO', 'MC', 492, [], 211, 'europe', 'Monaco', 'モナコ', { includedIn: 'FRA' }),
  c('DEU', 'DE', 276, [276, 280], 213, 'europe', 'Germany', 'ドイツ', { variants: ['Fmr Fed. Rep. of Germany', 'Former Federal Republic of Germany', 'Federal Republic of Germany', 'West Germany', 'ドイツ連邦共和国'], note: 'BACI code 280 (Federal Republic of Germany) is mapped to Germany as in CEPII\'s country list; some BACI versions use it for Germany in every year.' }),
  c('GIB', 'GI', 292, [292], 219, 'europe', 'Gibraltar', 'ジブラルタル', t(['Gibraltar (UK)'])),
  c('GRC', 'GR', 300, [300], 230, 'europe', 'Greece', 'ギリシャ'),
  c('HUN', 'HU', 348, [348], 227, 'europe', 'Hungary', 'ハンガリー'),
  c('ISL', 'IS', 352, [352], 201, 'europe', 'Iceland', 'アイスランド'),
  c('IRL', 'IE', 372, [372], 206, 'europe', 'Ireland', 'アイルランド'),
  c('ITA', 'IT', 380, [381, 380], 220, 'europe', 'Italy', 'イタリア'),
  c('XKX', 'XK', undefined, [], 248, 'europe', 'Kosovo', 'コソボ', { note: 'No ISO 3166 code (XK/XKX are user-assigned codes in common use); BACI reports Kosovo within Serbia.' }),
  c('LVA', 'LV', 428, [428], 236, 'europe', 'Latvia', 'ラトビア'),
  c('LIE', 'LI', 438, [], undefined, 'europe', 'Liechtenstein', 'リヒテンシュタイン', { includedIn: 'CHE' }),
  c('LTU', 'LT', 440, [440], 237, 'europe', 'Lithuania', 'リトアニア'),
  c('LUX', 'LU', 442, [442], 209, 'europe', 'Luxembourg', 'ルクセンブルク'),
  c('MLT', 'MT', 470, [470], 221, 'europe', 'Malta', 'マルタ'),
  c('MDA', 'MD', 498, [498], 240, 'europe', 'Republic of Moldova', 'モルドバ', v('Moldova', 'Rep. of Moldova', 'Moldova, Republic of')),
  c('MNE', 'ME', 499, [499], 247, 'europe', 'Montenegro', 'モンテネグロ'),
  c('NLD', 'NL', 528, [528], 207, 'europe', 'Netherlands', 'オランダ', v('The Netherlands', 'Netherlands (Kingdom of the)', 'Holland')),
  c('MKD', 'MK', 807, [807], 244, 'europe', 'North Macedonia', '北マケドニア', v('TFYR of Macedonia', 'The Former Yugoslav Republic of Macedonia', 'Macedonia', 'Macedonia, FYR', 'マケドニア')),
  c('NOR', 'NO', 578, [579, 578], 202, 'europe', 'Norway', 'ノルウェー', v('Norway, Svalbard and Jan Mayen')),
  c('POL', 'PL', 616, [616], 223, 'europe', 'Poland', 'ポーランド'),
  c('PRT', 'PT', 620, [620], 217, 'europe', 'Portugal', 'ポルトガル'),
  c('ROU', 'RO', 642, [642], 231, 'europe', 'Romania', 'ルーマニア'),
  c('RUS', 'RU', 643, [643], 224, 'europe', 'Russian Federation', 'ロシア', v('Russia', 'ロシア連邦')),
  c('SMR', 'SM', 674, [674], undefined, 'europe', 'San Marino', 'サンマリノ'),
  c('SRB', 'RS', 688, [688], 228, 'europe', 'Serbia', 'セルビア'),
  c('SVK', 'SK', 703, [703], 246, 'europe', 'Slovakia', 'スロバキア', v('Slovak Republic')),
  c('SVN', 'SI', 705, [705], 242, 'europe', 'Slovenia', 'スロベニア'),
  c('ESP', 'ES', 724, [724], 218, 'europe', 'Spain', 'スペイン'),
  c('SWE', 'SE', 752, [752], 203, 'europe', 'Sweden', 'スウェーデン'),
  c('CHE', 'CH', 756, [757, 756], 215, 'europe', 'Switzerland', 'スイス', v('Switzerland, Liechtenstein')),
  c('UKR', 'UA', 804, [804], 238, 'europe', 'Ukraine', 'ウクライナ'),
  c('GBR', 'GB', 826, [826], 205, 'europe', 'United Kingdom', '英国', v('UK', 'U.K.', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland', 'イギリス', 'グレートブリテン及び北アイルランド連合王国')),
  c('VAT', 'VA', 336, [], 250, 'europe', 'Holy See', 'バチカン', v('Vatican City', 'Vatican', 'バチカン市国')),
  // North America
  c('CAN', 'CA', 124, [124], 302, 'north-america', 'Canada', 'カナダ'),
  c('USA', 'US', 840, [842, 840], 304, 'north-america', 'United States', '米国', v('USA', 'U.S.A.', 'US', 'U.S.', 'United States of America', 'USA, Puerto Rico and US Virgin Islands', 'アメリカ合衆国', 'アメリカ')),
  c('GRL', 'GL', 304, [304], 301, 'north-america', 'Greenland', 'グリーンランド', t(['Greenland (Denmark)'])),
  c('SPM', 'PM', 666, [666], 303, 'north-america', 'Saint Pierre and Miquelon', 'サンピエール島・ミクロン島', t(['St.Pierre and Miquelon (France)', 'St. Pierre and Miquelon'])),
  c('BMU', 'BM', 60, [60], 314, 'north-america', 'Bermuda', 'バミューダ諸島', t(['Bermuda (UK)'])),
  // Latin America and the Caribbean
  c('AIA', 'AI', 660, [660], 337, 'latin-america', 'Anguilla', 'アンギラ', t(['British Anguilla'])),
  c('ATG', 'AG', 28, [28], 331, 'latin-america', 'Antigua and Barbuda', 'アンティグア・バーブーダ'),
  c('ARG', 'AR', 32, [32], 413, 'latin-america', 'Argentina', 'アルゼンチン'),
  c('ABW', 'AW', 533, [533], undefined, 'latin-america', 'Aruba', 'アルバ', T),
  c('BHS', 'BS', 44, [44], 315, 'latin-america', 'Bahamas', 'バハマ', v('The Bahamas')),
  c('BRB', 'BB', 52, [52], 319, 'latin-america', 'Barbados', 'バルバドス'),
  c('BLZ', 'BZ', 84, [84], 308, 'latin-america', 'Belize', 'ベリーズ'),
  c('BOL', 'BO', 68, [68], 408, 'latin-america', 'Bolivia', 'ボリビア', v('Bolivia (Plurinational State of)', 'Plurinational State of Bolivia')),
  c('BES', 'BQ', 535, [535], undefined, 'latin-america', 'Bonaire, Sint Eustatius and Saba', 'ボネール、シント・ユースタティウス及びサバ', t(['Bonaire', 'Bonaire, Saint Eustatius and Saba'])),
  c('BRA', 'BR', 76, [76], 410, 'latin-america', 'Brazil', 'ブラジル'),
  c('VGB', 'VG', 92, [92], 332, 'latin-america', 'British Virgin Islands', '英領ヴァージン諸島', t(['Br. Virgin Isds', 'Virgin Islands, British'])),
  c('CYM', 'KY', 136, [136], 328, 'latin-america', 'Cayman Islands', 'ケイマン諸島', t(['Cayman Isds', 'Cayman islands (UK)'])),
  c('CHL', 'CL', 152, [152], 409, 'latin-america', 'Chile', 'チリ'),
  c('COL', 'CO', 170, [170], 401, 'latin-america', 'Colombia', 'コロンビア'),
  c('CRI', 'CR', 188, [188], 311, 'latin-america', 'Costa Rica', 'コスタリカ'),
  c('CUB', 'CU', 192, [192], 321, 'latin-america', 'Cuba', 'キューバ'),
  // "CuraÁao" is how the BACI V202201 country file spells it (mis-decoded text).
  c('CUW', 'CW', 531, [531], undefined, 'latin-america', 'Curaçao', 'キュラソー', t(['Curacao', 'CuraÁao'])),
  c('DMA', 'DM', 212, [212], 333, 'latin-america', 'Dominica', 'ドミニカ国'),
  c('DOM', 'DO', 214, [214], 323, 'latin-america', 'Dominican Republic', 'ドミニカ共和国', v('Dominican Rep.')),
  c('ECU', 'EC', 218, [218], 406, 'latin-america', 'Ecuador', 'エクアドル'),
  c('SLV', 'SV', 222, [222], 309, 'latin-america', 'El Salvador', 'エルサルバドル'),
  c('FLK', 'FK', 238, [238], 414, 'latin-america', 'Falkland Islands (Malvinas)', 'フォークランド諸島', t(['Falkland Islands', 'Falkland Isds (Malvinas)', 'Falkland Islands and Dependencies (UK)'])),
  c('GUF', 'GF', 254, [], 405, 'latin-america', 'French Guiana', '仏領ギアナ', t([], 'FRA')),
  c('GRD', 'GD', 308, [308], 329, 'latin-america', 'Grenada', 'グレナダ'),
  c('GTM', 'GT', 320, [320], 306, 'latin-america', 'Guatemala', 'グアテマラ'),
  c('GUY', 'GY', 328, [328], 403, 'latin-america', 'Guyana', 'ガイアナ'),
  c('HTI', 'HT', 332, [332], 322, 'latin-america', 'Haiti', 'ハイチ'),
  c('HND', 'HN', 340, [340], 307, 'latin-america', 'Honduras', 'ホンジュラス'),
  c('JAM', 'JM', 388, [388], 316, 'latin-america', 'Jamaica', 'ジャマイカ'),
  c('MEX', 'MX', 484, [484], 305, 'latin-america', 'Mexico', 'メキシコ'),
  c('MSR', 'MS', 500, [500], 334, 'latin-america', 'Montserrat', 'モントセラト', t(['Monstserrat (UK)', 'Montserrat (UK)'])),
  c('NIC', 'NI', 558, [558], 310, 'latin-america', 'Nicaragua', 'ニカラグア'),
  c('PAN', 'PA', 591, [591], 312, 'latin-america', 'Panama', 'パナマ'),
  c('PRY', 'PY', 600, [600], 411, 'latin-america', 'Paraguay', 'パラグアイ'),
  c('PER', 'PE', 604, [604], 407, 'latin-america', 'Peru', 'ペルー'),
  c('PRI', 'PR', 630, [], 324, 'latin-america', 'Puerto Rico', 'プエルトリコ', t(['Puerto Rico (USA)'], 'USA')),
  // "Saint BarthÈlemy" is the BACI V202201 file's mis-decoded spelling.
  c('BLM', 'BL', 652, [652], 338, 'latin-america', 'Saint Barthélemy', 'サン・バルテルミー', t(['Saint Barthelemy', 'Saint BarthÈlemy', 'St.Barthelemy (France)'])),
  c('KNA', 'KN', 659, [659], 335, 'latin-america', 'Saint Kitts and Nevis', 'セントクリストファー・ネービス', v('St.Christopher and Nevis', 'Saint Christopher and Nevis', 'St. Kitts and Nevis')),
  c('LCA', 'LC', 662, [662], 330, 'latin-america', 'Saint Lucia', 'セントルシア', v('St.Lucia', 'St. Lucia')),
  c('SXM', 'SX', 534, [534], undefined, 'latin-america', 'Sint Maarten (Dutch part)', 'シント・マールテン', t(['Saint Maarten', 'Sint Maarten', 'Saint Maarten (Dutch part)'])),
  c('VCT', 'VC', 670, [670], 336, 'latin-america', 'Saint Vincent and the Grenadines', 'セントビンセント及びグレナディーン諸島', v('St.Vincent', 'St. Vincent and the Grenadines')),
  c('SUR', 'SR', 740, [740], 404, 'latin-america', 'Suriname', 'スリナム'),
  c('TTO', 'TT', 780, [780], 320, 'latin-america', 'Trinidad and Tobago', 'トリニダード・トバゴ'),
  c('TCA', 'TC', 796, [796], 317, 'latin-america', 'Turks and Caicos Islands', 'タークス・カイコス諸島', t(['Turks and Caicos Isds', 'Turks, and Caicos Islands (UK)'])),
  c('VIR', 'VI', 850, [], 325, 'latin-america', 'United States Virgin Islands', '米領ヴァージン諸島', t(['US Virgin Islands', 'Virgin Islands, U.S.'], 'USA')),
  c('URY', 'UY', 858, [858], 412, 'latin-america', 'Uruguay', 'ウルグアイ'),
  c('VEN', 'VE', 862, [862], 402, 'latin-america', 'Venezuela', 'ベネズエラ', v('Venezuela (Bolivarian Republic of)', 'Venezuela, RB')),
  // Africa
  c('DZA', 'DZ', 12, [12], 503, 'africa', 'Algeria', 'アルジェリア'),
  c('AGO', 'AO', 24, [24], 535, 'africa', 'Angola', 'アンゴラ'),
  c('BEN', 'BJ', 204, [204], 519, 'africa', 'Benin', 'ベナン'),
  c('BWA', 'BW', 72, [72], 555, 'africa', 'Botswana', 'ボツワナ'),
  c('BFA', 'BF', 854, [854], 521, 'africa', 'Burkina Faso', 'ブルキナファソ'),
  c('BDI', 'BI', 108, [108], 534, 'africa', 'Burundi', 'ブルンジ'),
  c('CPV', 'CV', 132, [132], 522, 'africa', 'Cabo Verde', 'カーボベルデ', v('Cape Verde')),
  c('CMR', 'CM', 120, [120], 527, 'africa', 'Cameroon', 'カメルーン'),
  c('CAF', 'CF', 140, [140], 529, 'africa', 'Central African Republic', '中央アフリカ', v('Central African Rep.', 'Central Africa')),
  c('TCD', 'TD', 148, [148], 528, 'africa', 'Chad', 'チャド'),
  c('COM', 'KM', 174, [174], 558, 'africa', 'Comoros', 'コモロ'),
  c('COG', 'CG', 178, [178], 532, 'africa', 'Congo', 'コンゴ共和国', v('Republic of Congo', 'Republic of the Congo', 'Congo, Rep.', 'Congo-Brazzaville')),
  c('COD', 'CD', 180, [180], 533, 'africa', 'Democratic Republic of the Congo', 'コンゴ民主共和国', v('Dem. Rep. of the Congo', 'Democratic Republic of Congo', 'Congo, Dem. Rep.', 'DR Congo', 'DRC', 'Congo-Kinshasa')),
  // "CÙte d'Ivoire" is the BACI V202201 file's mis-decoded spelling.
  c('CIV', 'CI', 384, [384], 516, 'africa', "Côte d'Ivoire", 'コートジボワール', v("Cote d'Ivoire", "CÙte d'Ivoire", 'Ivory Coast', "Rep. of Cote d'Ivoire")),
  c('DJI', 'DJ', 262, [262], 539, 'africa', 'Djibouti', 'ジブチ'),
  c('EGY', 'EG', 818, [818], 506, 'africa', 'Egypt', 'エジプト', v('Egypt, Arab Rep.')),
  c('GNQ', 'GQ', 226, [226], 530, 'africa', 'Equatorial Guinea', '赤道ギニア'),
  c('ERI', 'ER', 232, [232], 559, 'africa', 'Eritrea', 'エリトリア'),
  c('SWZ', 'SZ', 748, [748], 556, 'africa', 'Eswatini', 'エスワティニ', v('Swaziland', 'スワジランド')),
  c('ETH', 'ET', 231, [231], 538, 'africa', 'Ethiopia', 'エチオピア'),
  c('GAB', 'GA', 266, [266], 531, 'africa', 'Gabon', 'ガボン'),
  c('GMB', 'GM', 270, [270], 511, 'africa', 'Gambia', 'ガンビア', v('The Gambia')),
  c('GHA', 'GH', 288, [288], 517, 'africa', 'Ghana', 'ガーナ'),
  c('GIN', 'GN', 324, [324], 513, 'africa', 'Guinea', 'ギニア'),
  c('GNB', 'GW', 624, [624], 512, 'africa', 'Guinea-Bissau', 'ギニアビサウ'),
  c('KEN', 'KE', 404, [404], 541, 'africa', 'Kenya', 'ケニア'),
  c('LSO', 'LS', 426, [426], 552, 'africa', 'Lesotho', 'レソト'),
  c('LBR', 'LR', 430, [430], 515, 'africa', 'Liberia', 'リベリア'),
  c('LBY', 'LY', 434, [434], 505, 'africa', 'Libya', 'リビア'),
  c('MDG', 'MG', 450, [450], 546, 'africa', 'Madagascar', 'マダガスカル'),
  c('MWI', 'MW', 454, [454], 553, 'africa', 'Malawi', 'マラウイ'),
  c('MLI', 'ML', 466, [466], 520, 'africa', 'Mali', 'マリ'),
  c('MRT', 'MR', 478, [478], 509, 'africa', 'Mauritania', 'モーリタニア'),
  c('MUS', 'MU', 480, [480], 547, 'africa', 'Mauritius', 'モーリシャス'),
  c('MYT', 'YT', 175, [175], undefined, 'africa', 'Mayotte', 'マヨット', T),
  c('MAR', 'MA', 504, [504], 501, 'africa', 'Morocco', 'モロッコ'),
  c('MOZ', 'MZ', 508, [508], 545, 'africa', 'Mozambique', 'モザンビーク'),
  // Namibia's ISO2 "NA" is empty in the BACI file (read as a missing value somewhere upstream).
  c('NAM', 'NA', 516, [516], 550, 'africa', 'Namibia', 'ナミビア'),
  c('NER', 'NE', 562, [562], 525, 'africa', 'Niger', 'ニジェール'),
  c('NGA', 'NG', 566, [566], 524, 'africa', 'Nigeria', 'ナイジェリア'),
  c('REU', 'RE', 638, [], 548, 'africa', 'Réunion', 'レユニオン', t(['Reunion', 'Reunion (France)'], 'FRA')),
  c('RWA', 'RW', 646, [646], 526, 'africa', 'Rwanda', 'ルワンダ'),
  c('SHN', 'SH', 654, [654], 537, 'africa', 'Saint Helena', 'セントヘレナ', t(['St. Helena Island and Dependencies (UK)', 'Saint Helena, Ascension and Tristan da Cunha'])),
  c('STP', 'ST', 678, [678], 536, 'africa', 'Sao Tome and Principe', 'サントメ・プリンシペ', v('São Tomé and Príncipe')),
  c('SEN', 'SN', 686, [686], 510, 'africa', 'Senegal', 'セネガル'),
  c('SYC', 'SC', 690, [690], 544, 'africa', 'Seychelles', 'セーシェル'),
  c('SLE', 'SL', 694, [694], 514, 'africa', 'Sierra Leone', 'シエラレオネ'),
  c('SOM', 'SO', 706, [706], 540, 'africa', 'Somalia', 'ソマリア'),
  c('ZAF', 'ZA', 710, [710, 711], 551, 'africa', 'South Africa', '南アフリカ', { variants: ['So. African Customs Union', 'Southern African Customs Union', '南アフリカ共和国'], note: 'BACI code 711 (Southern African Customs Union, reported before 2000) is mapped to South Africa as in CEPII\'s country list.' }),
  c('SSD', 'SS', 728, [728], 560, 'africa', 'South Sudan', '南スーダン', v('Republic of South Sudan')),
  c('SDN', 'SD', 729, [729, 736], 507, 'africa', 'Sudan', 'スーダン', { variants: ['Fmr Sudan', 'Former Sudan'], note: 'BACI code 736 (Sudan before South Sudan\'s independence in 2011) is mapped to Sudan as in CEPII\'s country list.' }),
  c('TZA', 'TZ', 834, [834], 543, 'africa', 'United Republic of Tanzania', 'タンザニア', v('Tanzania', 'United Rep. of Tanzania')),
  c('TGO', 'TG', 768, [768], 518, 'africa', 'Togo', 'トーゴ'),
  c('TUN', 'TN', 788, [788], 504, 'africa', 'Tunisia', 'チュニジア'),
  c('UGA', 'UG', 800, [800], 542, 'africa', 'Uganda', 'ウガンダ'),
  c('ESH', 'EH', 732, [], 508, 'africa', 'Western Sahara', '西サハラ', t(['West Sahara'])),
  c('ZMB', 'ZM', 894, [894], 554, 'africa', 'Zambia', 'ザンビア'),
  c('ZWE', 'ZW', 716, [716], 549, 'africa', 'Zimbabwe', 'ジンバブエ'),
  // Oceania
  c('ASM', 'AS', 16, [16], 621, 'oceania', 'American Samoa', '米領サモア', T),
  c('AUS', 'AU', 36, [36], 601, 'oceania', 'Australia', 'オーストラリア', v('豪州')),
  c('CXR', 'CX', 162, [162], undefined, 'oceania', 'Christmas Island', 'クリスマス島', t(['Christmas Isds', 'Christmas Islands'])),
  c('CCK', 'CC', 166, [166], undefined, 'oceania', 'Cocos (Keeling) Islands', 'ココス諸島', t(['Cocos Isds', 'Cocos Islands'])),
  c('COK', 'CK', 184, [184], 607, 'oceania', 'Cook Islands', 'クック諸島', v('Cook Isds', 'Cook')),
  c('FJI', 'FJ', 242, [242], 612, 'oceania', 'Fiji', 'フィジー'),
  c('PYF', 'PF', 258, [258], 619, 'oceania', 'French Polynesia', '仏領ポリネシア', T),
  c('ATF', 'TF', 260, [260], undefined, 'oceania', 'French Southern Territories', '仏領南方・南極地域', t(['Fr. South Antarctic Terr.', 'French South Antarctic Territories'])),
  c('GUM', 'GU', 316, [316], 620, 'oceania', 'Guam', 'グアム', t(['Guam (USA)'])),
  c('KIR', 'KI', 296, [296], 615, 'oceania', 'Kiribati', 'キリバス'),
  c('MHL', 'MH', 584, [584], 625, 'oceania', 'Marshall Islands', 'マーシャル諸島', v('Marshall Isds', 'Marshall')),
  c('FSM', 'FM', 583, [583], 626, 'oceania', 'Micronesia (Federated States of)', 'ミクロネシア', v('FS Micronesia', 'Federated State of Micronesia', 'Micronesia', 'Micronesia, Fed. Sts.')),
  c('NRU', 'NR', 520, [520], 617, 'oceania', 'Nauru', 'ナウル'),
  c('NCL', 'NC', 540, [540], 618, 'oceania', 'New Caledonia', 'ニューカレドニア', t(['New Caledonia (France)'])),
  c('NZL', 'NZ', 554, [554], 606, 'oceania', 'New Zealand', 'ニュージーランド'),
  c('NIU', 'NU', 570, [570], 609, 'oceania', 'Niue', 'ニウエ'),
  c('NFK', 'NF', 574, [574], undefined, 'oceania', 'Norfolk Island', 'ノーフォーク島', t(['Norfolk Isds', 'Norfolk Islands'])),
  c('MNP', 'MP', 580, [580], 627, 'oceania', 'Northern Mariana Islands', '北マリアナ諸島', t(['N. Mariana Isds', 'Northern Mariana Islands (USA)'])),
  c('PLW', 'PW', 585, [585], 628, 'oceania', 'Palau', 'パラオ'),
  c('PNG', 'PG', 598, [598], 602, 'oceania', 'Papua New Guinea', 'パプアニューギニア'),
  c('PCN', 'PN', 612, [612], 616, 'oceania', 'Pitcairn', 'ピトケアン', t(['Pitcairn (UK)', 'Pitcairn Islands'])),
  c('WSM', 'WS', 882, [882], 610, 'oceania', 'Samoa', 'サモア'),
  c('SLB', 'SB', 90, [90], 613, 'oceania', 'Solomon Islands', 'ソロモン諸島', v('Solomon Isds')),
  c('TKL', 'TK', 772, [772], 608, 'oceania', 'Tokelau', 'トケラウ', t(['Tokelau Islands (NZ)'])),
  c('TON', 'TO', 776, [776], 614, 'oceania', 'Tonga', 'トンガ'),
  c('TUV', 'TV', 798, [798], 624, 'oceania', 'Tuvalu', 'ツバル'),
  c('UMI', 'UM', 581, [849], undefined, 'oceania', 'United States Minor Outlying Islands', '米領小離島', t(['US Misc. Pacific Isds', 'US Miscellaneous Pacific Islands'])),
  c('VUT', 'VU', 548, [548], 611, 'oceania', 'Vanuatu', 'バヌアツ'),
  c('WLF', 'WF', 876, [876], undefined, 'oceania', 'Wallis and Futuna', 'ウォリス・フツナ', t(['Wallis and Futuna Isds', 'Wallis and Futuna Islands'])),
    // Territories with ISO codes but no code of their own in BACI (their trade is reported with another's).
  c('GLP', 'GP', 312, [], undefined, 'latin-america', 'Guadeloupe', 'グアドループ', t([], 'FRA')),
  c('MTQ', 'MQ', 474, [], undefined, 'latin-america', 'Martinique', 'マルティニーク', t([], 'FRA')),
  c('MAF', 'MF', 663, [], undefined, 'latin-america', 'Saint Martin (French part)', 'サン・マルタン（仏領）', t(['Saint Martin'], 'FRA')),
  c('SJM', 'SJ', 744, [], undefined, 'europe', 'Svalbard and Jan Mayen', 'スバールバル諸島及びヤンマイエン島', t([], 'NOR')),
  c('GGY', 'GG', 831, [], undefined, 'europe', 'Guernsey', 'ガーンジー', T),
  c('JEY', 'JE', 832, [], undefined, 'europe', 'Jersey', 'ジャージー', T),
  c('IMN', 'IM', 833, [], undefined, 'europe', 'Isle of Man', 'マン島', T),
  c('ALA', 'AX', 248, [], undefined, 'europe', 'Åland Islands', 'オーランド諸島', t([], 'FIN')),
  c('ATA', 'AQ', 10, [], undefined, 'world', 'Antarctica', '南極', T),
  c('BVT', 'BV', 74, [], undefined, 'world', 'Bouvet Island', 'ブーベ島', T),
  c('HMD', 'HM', 334, [], undefined, 'oceania', 'Heard Island and McDonald Islands', 'ハード島・マクドナルド諸島', T),
  c('SGS', 'GS', 239, [], undefined, 'latin-america', 'South Georgia and the South Sandwich Islands', 'サウスジョージア・サウスサンドウィッチ諸島', T),
  // Historical entities: reported in older trade data, never in current years.
  c('SUN', 'SU', 810, [810], undefined, 'europe', 'USSR (former)', 'ソ連（旧）', { kind: 'historical', variants: ['Fmr USSR', 'Former USSR', 'USSR', 'Soviet Union', 'ソビエト連邦'] }),
  c('CSK', 'CS', 200, [200], undefined, 'europe', 'Czechoslovakia (former)', 'チェコスロバキア（旧）', { kind: 'historical', variants: ['Czechoslovakia', 'チェコスロバキア'] }),
  c('YUG', 'YU', 890, [890], undefined, 'europe', 'Yugoslavia (former)', 'ユーゴスラビア（旧）', { kind: 'historical', variants: ['Yugoslavia', 'Fmr Yugoslavia', 'Socialist Federal Republic of Yugoslavia', 'ユーゴスラビア'] }),
  c('SCG', 'CS', 891, [891], undefined, 'europe', 'Serbia and Montenegro (former)', 'セルビア・モンテネグロ（旧）', { kind: 'historical', variants: ['Serbia and Montenegro', 'セルビア・モンテネグロ'] }),
  c('DDR', 'DD', 278, [278], undefined, 'europe', 'German Democratic Republic (former)', '東ドイツ（旧）', { kind: 'historical', variants: ['Fmr Dem. Rep. of Germany', 'Former Democratic Republic of Germany', 'East Germany', '東ドイツ'] }),
  c('ANT', 'AN', 530, [530], 326, 'latin-america', 'Netherlands Antilles (former)', 'オランダ領アンティル（旧）', { kind: 'historical', variants: ['Neth. Antilles', 'Netherlands Antilles', 'オランダ領アンティル'], note: 'Dissolved in 2010 into Curaçao, Sint Maarten and Bonaire, Sint Eustatius and Saba; Japan Customs still uses 326 for the former area.' }),
  // Aggregates and special areas in BACI / UN Comtrade.
  c('XEF', undefined, undefined, [697], undefined, 'europe', 'Europe EFTA, nes', 'その他の欧州EFTA', { kind: 'area', variants: ['Europe EFTA, not elsewhere specified'] }),
  c('WLD', undefined, undefined, [0], undefined, 'world', 'World', '世界', { kind: 'area', variants: ['世界計', 'Total'] }),
  c('XNS', undefined, undefined, [899], undefined, 'world', 'Areas, nes', 'その他の地域', { kind: 'area', variants: ['Areas, not elsewhere specified'] }),
  c('XBK', undefined, undefined, [837], undefined, 'world', 'Bunkers', '船舶・航空機用燃料等', { kind: 'area', variants: ['Ship stores and bunkers'] }),
  c('XFZ', undefined, undefined, [838], undefined, 'world', 'Free zones', '自由貿易地域', { kind: 'area' }),
  c('XSC', undefined, undefined, [839], undefined, 'world', 'Special categories', '特殊分類', { kind: 'area' }),
];

/**
 * Spellings met in other sources, by ISO3: India's Export Import Data Bank (DGCI&S abbreviations such as
 * "CHINA P RP", "U ARAB EMTS"), Japan Customs' 7-letter area names ("Sngapor", "U Arb E") and USGS Mineral
 * Commodity Summaries ("Korea, North").
 */
// prettier-ignore
const sourceSpellings: Record<string, string[]> = {
  ASM: ['AMERI SAMOA'], ATA: ['ANTARTICA'], ATG: ['ANTIGUA'], BHR: ['BAHARAIN IS'], BGD: ['BANGLADESH PR'],
  BIH: ['BOSNIA-HRZGOVIN'], VGB: ['BR VIRGN IS'], IOT: ['BRITISH INDIAN'], CAF: ['C AFRI REP'], CPV: ['CAPE VERDE IS'],
  CYM: ['CAYMAN IS'], CHN: ['CHINA P RP'], CXR: ['CHRISTMAS IS.'], CCK: ['COCOS IS'], COD: ['CONGO D. REP.'],
  COG: ['CONGO P REP'], COK: ['COOK IS'], DOM: ['DOMINIC REP'], EGY: ['EGYPT A RP'], GNQ: ['EQUTL GUINEA'],
  FLK: ['FALKLAND IS'], FRO: ['FAROE IS.'], FJI: ['FIJI IS'], GUF: ['FR GUIANA'], PYF: ['FR POLYNESIA'],
  HMD: ['HEARD MACDONALD'], KIR: ['KIRIBATI REP'], PRK: ['KOREA DP RP', 'Korea, North'], KOR: ['KOREA RP', 'Korea, South', 'R Korea'],
  KGZ: ['KYRGHYZSTAN'], LAO: ['LAO PD RP'], MHL: ['MARSHALL ISLAND'], MNP: ['N. MARIANA IS.'], NRU: ['NAURU RP'],
  NLD: ['NETHERLAND', 'Nethlds'], ANT: ['NETHERLANDANTIL'], NIU: ['NIUE IS'], NFK: ['NORFOLK IS'], PAK: ['PAKISTAN IR', 'Pakistn'],
  PAN: ['PANAMA REPUBLIC'], PNG: ['PAPUA N GNA', 'Pap Nga'], PCN: ['PITCAIRN IS.'], ESH: ['SAHARWI A.DM RP'], STP: ['SAO TOME'],
  SAU: ['SAUDI ARAB', 'Su Arab'], SVK: ['SLOVAK REP'], SLB: ['SOLOMON IS'], LKA: ['SRI LANKA DSR'], SHN: ['ST HELENA'],
  KNA: ['ST KITT N A'], SPM: ['ST PIERRE'], PSE: ['STATE OF PALEST'], SJM: ['SVALLBARD AND J'], TZA: ['TANZANIA REP'],
  TKL: ['TOKELAU IS'], TTO: ['TRINIDAD'], TCA: ['TURKS C IS'], ARE: ['U ARAB EMTS', 'U Arb E'], SCG: ['UNION OF SERBIA & MONTENEGRO'],
  UMI: ['US MINOR OUTLYING ISLANDS'], VUT: ['VANUATU REP'], VNM: ['VIETNAM SOC REP'], VIR: ['VIRGIN IS US'],
  WLF: ['WALLIS F IS'], YEM: ['YEMEN REPUBLC'],
  ARG: ['Argent'], AUS: ['Austral'], COL: ['Colmbia'], HKG: ['Hg Kong'], IDN: ['Indnsia'], MYS: ['Malysia'], NZL: ['Newzeld'], PHL: ['Philpin'], PRT: ['Portugl'], PRI: ['Prtrico'], ZAF: ['S Afrca'], SGP: ['Sngapor'], CHE: ['Switzld'], THA: ['Thailnd'], GBR: ['U King'], VEN: ['Venezla'],
};

export const countries: readonly Country[] = Object.freeze(
  table.map((c) => Object.freeze({ ...c, variants: [...c.variants, ...(sourceSpellings[c.iso3] ?? [])] })),
);

/**
 * Japan Customs codes for areas that are not countries in our table (parts of a country, unknown
 * destinations); trade under them belongs to `partOf` where one is given.
 */
export interface CustomsArea {
  customsCode: number;
  en: string;
  ja: string;
  partOf?: string;
}

export const customsAreas: readonly CustomsArea[] = Object.freeze([
  { customsCode: 216, en: 'Azores', ja: 'アゾレス', partOf: 'PRT' },
  { customsCode: 327, en: 'French West Indies', ja: '仏領西インド諸島', partOf: 'FRA' },
  { customsCode: 415, en: 'British Antarctic Territory', ja: '英領南極地域', partOf: 'GBR' },
  { customsCode: 502, en: 'Ceuta and Melilla', ja: 'セウタ及びメリリャ', partOf: 'ESP' },
  { customsCode: 523, en: 'Canary Islands', ja: 'カナリー諸島', partOf: 'ESP' },
  { customsCode: 605, en: 'Other Australian Territories', ja: 'その他の豪州領', partOf: 'AUS' },
  { customsCode: 622, en: 'American Oceania', ja: '米領オセアニア', partOf: 'USA' },
  { customsCode: 701, en: 'For order', ja: '仕向地未定' },
  { customsCode: 702, en: 'Unknown', ja: '不明' },
  {
    customsCode: 703,
    en: 'Bonded manufacturing warehouse, integrated bonded area',
    ja: '保税工場・総合保税地域',
  },
]);

/** Lower-case, strip diacritics (Türkiye → turkiye), unify width (ＵＳＡ → usa), drop punctuation and spaces. */
export function normalizeName(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Only Latin combining accents: stripping every mark would also drop kana voicing marks (ド → ト).
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFKC')
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(/[^\p{L}\p{N}]+/gu, '')
  );
}

function buildIndex<K>(key: (c: Country) => K[]): Map<K, Country> {
  const map = new Map<K, Country>();
  for (const country of countries) {
    for (const k of key(country)) {
      const other = map.get(k);
      if (other && other !== country)
        throw new Error(`countries table: ${String(k)} used by ${other.iso3} and ${country.iso3}`);
      map.set(k, country);
    }
  }
  return map;
}

const byIso3 = buildIndex((c) => [c.iso3]);
// SCG and CSK share the withdrawn alpha-2 "CS"; ISO2 lookups prefer the current entity (none) → skip historical.
const byIso2 = buildIndex((c) => (c.iso2 && c.kind !== 'historical' ? [c.iso2] : []));
const byBaci = buildIndex((c) => c.baciCodes);
const byIsoNumeric = buildIndex((c) => (c.isoNumeric !== undefined ? [c.isoNumeric] : []));
const byCustoms = buildIndex((c) => (c.customsCode !== undefined ? [c.customsCode] : []));
const byName = buildIndex((c) => [...new Set([c.en, c.ja, ...c.variants].map(normalizeName))]);

export function countryByIso3(iso3: string): Country | undefined {
  return byIso3.get(iso3.trim().toUpperCase());
}

/** A BACI / UN Comtrade numeric code (490 → Taiwan, 842 → United States, 280 → Germany). */
export function countryByBaciCode(code: number | string): Country | undefined {
  const n = typeof code === 'number' ? code : Number(code.trim());
  return Number.isInteger(n) ? byBaci.get(n) : undefined;
}

/** A Japan Customs 3-digit country code (105 → China, 304 → United States). */
export function countryByCustomsCode(code: number | string): Country | undefined {
  const n = typeof code === 'number' ? code : Number(code.trim());
  return Number.isInteger(n) ? byCustoms.get(n) : undefined;
}

export function customsAreaByCode(code: number): CustomsArea | undefined {
  return customsAreas.find((a) => a.customsCode === code);
}

/**
 * Resolves what a user or a file wrote: ISO3, ISO2, a BACI/Comtrade numeric code (tried before ISO numeric,
 * so 842 and 840 both give the United States), or a name in English or Japanese, ignoring case, diacritics,
 * punctuation and spacing. Returns undefined when nothing matches — the caller reports the failure with its
 * place. Japan Customs codes are not guessed here (they overlap BACI codes): use countryByCustomsCode.
 */
export function resolveCountry(nameOrCode: string | number): Country | undefined {
  if (typeof nameOrCode === 'number') return byBaci.get(nameOrCode) ?? byIsoNumeric.get(nameOrCode);
  const text = nameOrCode.normalize('NFKC').trim();
  if (text === '') return undefined;
  if (/^\d{1,3}$/.test(text)) {
    const n = Number(text);
    return byBaci.get(n) ?? byIsoNumeric.get(n);
  }
  if (/^[A-Za-z]{3}$/.test(text)) {
    const hit = byIso3.get(text.toUpperCase());
    if (hit) return hit;
  }
  if (/^[A-Za-z]{2}$/.test(text)) {
    const hit = byIso2.get(text.toUpperCase());
    if (hit) return hit;
  }
  return byName.get(normalizeName(text));
}

/** The ISO3 code of what a file wrote (resolveCountry), or null: the resolver the patents and exports importers take. */
export function iso3OfName(name: string): string | null {
  return resolveCountry(name)?.iso3 ?? null;
}

export function countryName(country: Country, lang: 'en' | 'ja'): string {
  return lang === 'ja' ? country.ja : country.en;
}

import { displacement, type Displacement } from './displacement.ts';
import { defaultCoercionParameters, type CoercionParameters } from './parameters.ts';

/**
 * The two faces of coercion exposure for one product (displacement.ts has the formulas):
 *
 * - Export exposure: the coercer bans the reporter's exports. An exporter suffers according to (a) its reliance on
 *   the coercer's market, (b) how easily the trade can be diverted to other markets and (c) the prices there
 *   (Export Finance Australia, "World Risk Developments", July 2021, on China's 2020 measures against Australian
 *   exports; ECFR, Hackenbroich, Medunic & Zerka, "Tough trade: the hidden costs of economic coercion", 2022). Low
 *   concentration of destinations made Lithuania robust to China's 2021 measures (OECD Trade Policy Paper 299,
 *   Kowalski & Bates, "Lithuania's trade dependencies", 2025). (a) is coercerShare, (b) absorption and the
 *   alternative buyers' HHI; (c) is not observed (unit values where quantities are; docs/identification.md).
 *   A reporter whose exports the coercer itself depends on holds leverage back (Cha, "Collective resilience",
 *   International Security 48(1), 2023): coercerMarketShare shows how big a buyer the coercer is.
 * - Import leverage: the coercer cuts its exports to the reporter. The supply side of the dependence screens (EU
 *   SWD(2021) 352; CEPII GeoDep, Policy Brief 47, 2024): reliance on the coercer's supply that the rest of the
 *   world cannot replace. leverage = reliant and hard to replace.
 */
export interface ExportExposure extends Displacement {
  /** The coercer takes a dominant share of the reporter's exports. */
  exposed: boolean;
}

export interface ImportLeverage extends Displacement {
  leverage: boolean;
}

/** `exportsTo`: the reporter's exports by destination; `importsBy`: world imports by importer. */
export function exportExposure(
  input: {
    exportsTo: ReadonlyMap<string, number>;
    importsBy: ReadonlyMap<string, number>;
    coercer: ReadonlySet<string>;
    reporter: ReadonlySet<string>;
  },
  parameters: CoercionParameters = defaultCoercionParameters,
): ExportExposure {
  const d = displacement({ ...input, flows: input.exportsTo, market: input.importsBy }, parameters);
  return { ...d, exposed: d.reliant };
}

/** `importsFrom`: the reporter's imports by origin; `exportsBy`: world exports by exporter. */
export function importLeverage(
  input: {
    importsFrom: ReadonlyMap<string, number>;
    exportsBy: ReadonlyMap<string, number>;
    coercer: ReadonlySet<string>;
    reporter: ReadonlySet<string>;
  },
  parameters: CoercionParameters = defaultCoercionParameters,
): ImportLeverage {
  const d = displacement({ ...input, flows: input.importsFrom, market: input.exportsBy }, parameters);
  return { ...d, leverage: d.reliant && d.hardToReplace };
}

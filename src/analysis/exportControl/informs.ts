import { parseItemReference, type ItemReference } from './controlList.ts';
import { prepareParty } from '../partyMatch/party.ts';
import { partyScore, defaultThreshold } from '../partyMatch/scoreParty.ts';

/**
 * Inform notices (インフォーム): METI tells an exporter in writing that a licence application is needed because
 * the goods may be used for weapons of mass destruction (輸出貿易管理令第4条第1項第三号ロ for 16の項（1）, 第四号ロ
 * for 16の項（2）) or for conventional weapons (第三号ニ / 第四号ニ). The notice names goods, destinations and
 * usually the end user; it binds the exporter it was sent to, for those transactions, from its date.
 *
 * An inform applies to a transaction when it is active on the day checked and each of its scopes covers the
 * transaction:
 *  - items: none = any goods; an HS code covers every code it begins ("8542" covers 8542.31); a 別表第一 entry
 *    covers its sub-entries ("2(12)" covers "2(12)1"); an HS code and an entry never cover each other (an HS code
 *    cannot show the entry — the check then asks the exporter, below);
 *  - destinations: none = any; else the destination must be listed;
 *  - end user: when the notice names one, the transaction's end user must match it (the party matcher's score
 *    ≥ 0.70 — the names of one counterparty are written differently across documents); a transaction without an
 *    end user is covered (the notice cannot be ruled out);
 *  - exporter: when the notice and the check both name the exporter, they must match the same way.
 */
export type InformKind = 'wmd' | 'conventional';

export interface Inform {
  id: string;
  reference: string;
  kind: InformKind;
  /** YYYY-MM-DD. */
  issuedOn: string;
  validUntil: string | null;
  exporter: string | null;
  /** HS codes or 別表第一 entries as written; empty = any goods. */
  items: string[];
  /** ISO3; empty = any destination. */
  destinations: string[];
  endUser: string | null;
  endUserCountry: string | null;
  status: 'active' | 'withdrawn';
}

export interface InformTransaction {
  item: ItemReference;
  destination: string;
  endUser?: string;
  exporter?: string;
  /** YYYY-MM-DD; the day checked. */
  on: string;
}

export interface AppliedInform {
  inform: Inform;
  /** Why it applies, in Japanese and English (one line per scope). */
  why: { ja: string; en: string }[];
}

function itemCovers(scope: ItemReference, item: ItemReference): boolean {
  if (scope.kind === 'hs' && item.kind === 'hs') return item.code.startsWith(scope.code);
  if (scope.kind === 'entry' && item.kind === 'entry')
    return (
      scope.kou === item.kou &&
      (scope.item === undefined || scope.item === item.item) &&
      (scope.subitem === undefined || scope.subitem === item.subitem)
    );
  return false;
}

function namesMatch(a: string, b: string, country?: string | null): boolean {
  const countries = country ? [country] : [];
  return (
    partyScore(
      prepareParty({ id: 'a', names: [a], countries }),
      prepareParty({ id: 'b', names: [b], countries }),
    ) >= defaultThreshold
  );
}

/** Why one inform applies to the transaction, or null when it does not. */
export function informApplies(inform: Inform, t: InformTransaction): AppliedInform | null {
  if (inform.status !== 'active' || inform.issuedOn > t.on) return null;
  if (inform.validUntil && inform.validUntil < t.on) return null;
  const why: AppliedInform['why'] = [];
  if (inform.items.length) {
    const covering = inform.items.find((text) => {
      const scope = parseItemReference(text);
      return scope !== null && itemCovers(scope, t.item);
    });
    if (!covering) return null;
    why.push({ ja: `貨物 ${covering} が対象`, en: `goods ${covering} covered` });
  } else why.push({ ja: '貨物の限定なし', en: 'any goods' });
  if (inform.destinations.length) {
    if (!inform.destinations.includes(t.destination)) return null;
    why.push({ ja: `仕向地 ${t.destination}`, en: `destination ${t.destination}` });
  } else why.push({ ja: '仕向地の限定なし', en: 'any destination' });
  if (inform.endUser) {
    if (t.endUser) {
      if (!namesMatch(inform.endUser, t.endUser, inform.endUserCountry)) return null;
      why.push({
        ja: `需要者「${t.endUser}」が通知の需要者「${inform.endUser}」に一致`,
        en: `end user "${t.endUser}" matches the notice's "${inform.endUser}"`,
      });
    } else
      why.push({
        ja: `通知は需要者「${inform.endUser}」を指定しているが、需要者が示されていないため除外できない`,
        en: `the notice names the end user "${inform.endUser}"; no end user was given, so it cannot be ruled out`,
      });
  }
  if (inform.exporter && t.exporter && !namesMatch(inform.exporter, t.exporter)) return null;
  return { inform, why };
}

/** The informs that apply to a transaction, oldest notice first. */
export function applicableInforms(informs: readonly Inform[], t: InformTransaction): AppliedInform[] {
  return informs
    .map((i) => informApplies(i, t))
    .filter((a): a is AppliedInform => a !== null)
    .sort(
      (a, b) => a.inform.issuedOn.localeCompare(b.inform.issuedOn) || a.inform.id.localeCompare(b.inform.id),
    );
}

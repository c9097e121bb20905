/**
 * Leakage through firms of like-minded countries, seen in trade: of what the reporter sells to its partners, the
 * part that could travel on to a country of concern if each partner passed the product on in proportion to its
 * own exports of it. Transit trade through third countries is how sanctions and export controls are circumvented
 * (Chupilkin, Javorcik & Plekhanov, "The Eurasian roundabout: trade flows into Russia through the Caucasus and
 * Central Asia", EBRD Working Paper 276, 2023). For partners p of the reporter R, concern C:
 *
 *   onward_p = X_{p→C} / X_p                     the partner's exports of the product going to C
 *   passThrough = Σ_p X_{R→p} · onward_p / Σ_p X_{R→p}
 *
 * A proportional assumption, not an observation: firms may re-export imported goods or use them at home; the share
 * is an upper reading of exposure, for an analyst to weigh.
 */
export interface PassThroughPartner {
  partner: string;
  /** The reporter's exports to the partner. */
  fromReporter: number;
  /** The partner's exports of the product to everyone, and to the concern. */
  partnerExports: number;
  partnerExportsToConcern: number;
}

export interface PassThrough {
  fromReporter: number;
  passThroughShare: number | null;
  /** Value that could pass on: Σ X_{R→p} · onward_p. */
  passThroughValue: number;
  partners: { partner: string; fromReporter: number; onwardShare: number | null }[];
}

export function passThrough(partners: readonly PassThroughPartner[]): PassThrough {
  let fromReporter = 0;
  let value = 0;
  const rows = partners.map((p) => {
    const onwardShare = p.partnerExports > 0 ? p.partnerExportsToConcern / p.partnerExports : null;
    fromReporter += p.fromReporter;
    value += p.fromReporter * (onwardShare ?? 0);
    return { partner: p.partner, fromReporter: p.fromReporter, onwardShare };
  });
  rows.sort(
    (a, b) =>
      b.fromReporter * (b.onwardShare ?? 0) - a.fromReporter * (a.onwardShare ?? 0) ||
      a.partner.localeCompare(b.partner),
  );
  return {
    fromReporter,
    passThroughShare: fromReporter > 0 ? value / fromReporter : null,
    passThroughValue: value,
    partners: rows,
  };
}

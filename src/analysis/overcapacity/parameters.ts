/**
 * Thresholds of the overcapacity signals (editable per request; docs/identification.md):
 * - minVolumeGrowth 0.2 and minUnitValueFall 0.1: a surge is a rise of the traded quantity by at least a fifth with
 *   the unit value down by at least a tenth, year on year (our defaults; the WTO agreements name no number).
 * - minBaseValue: the earlier period's value below which a change is not judged (tiny flows swing widely).
 * - minExcessGrowth 0.1 and minSupplierShare 0.1: a supplier pushes into the world market when its exports grow at
 *   least ten points a year faster than world trade in the product while it holds at least a tenth of it.
 */
export interface OvercapacityParameters {
  minVolumeGrowth: number;
  minUnitValueFall: number;
  minBaseValue: number;
  minExcessGrowth: number;
  minSupplierShare: number;
}

export const defaultOvercapacityParameters: OvercapacityParameters = Object.freeze({
  minVolumeGrowth: 0.2,
  minUnitValueFall: 0.1,
  minBaseValue: 0,
  minExcessGrowth: 0.1,
  minSupplierShare: 0.1,
});

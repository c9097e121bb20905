/**
 * Unit value = value / quantity (USD per tonne for BACI: v × 1000 / q). Null when no quantity is known or it is
 * zero — BACI leaves q empty for some flows, and a unit value from a partial quantity would mislead.
 */
export function unitValue(valueUsd: number, quantity: number | null | undefined): number | null {
  if (quantity === null || quantity === undefined || !(quantity > 0)) return null;
  return valueUsd / quantity;
}

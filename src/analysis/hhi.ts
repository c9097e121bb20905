/**
 * Herfindahl–Hirschman index on shares (0–1): HHI = Σ s_p². 1 = a single supplier; 1/n for n equal suppliers.
 * Used on import shares (EU SWD(2021) 352; CEPII Policy Brief 47, 2024) and on world export shares.
 */
export function hhi(shares: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < shares.length; i++) sum += shares[i] * shares[i];
  return sum;
}

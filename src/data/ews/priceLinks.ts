/**
 * Which Pink Sheet price concerns which products (HS codes or prefixes): the "related commodity price" of an
 * item. Editable; a price not listed here is still scanned on its own.
 */
export const priceLinks: Record<string, string[]> = {
  CRUDE_PETRO: ['2709'],
  CRUDE_BRENT: ['2709'],
  NGAS_JP: ['271111'],
  NGAS_EUR: ['271111'],
  COAL_AUS: ['2701'],
  ALUMINUM: ['7601'],
  COPPER: ['7402', '7403'],
  NICKEL: ['7502'],
  ZINC: ['7901'],
  TIN: ['8001'],
  LEAD: ['7801'],
  IRON_ORE: ['2601'],
  UREA_EE_BULK: ['310210'],
  DAP: ['310530'],
  PHOSROCK: ['2510'],
  POTASH: ['310420'],
  GOLD: ['7108'],
  PLATINUM: ['711011'],
  SILVER: ['7106'],
};

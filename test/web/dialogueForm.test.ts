import { describe, expect, it } from 'vitest';
import {
  findingsOf,
  followUpsOf,
  listOf,
  participantsOf,
} from '../../web/src/features/dialogue/recordForm.ts';

/** The dialogue page's record form (issue 24): its text fields as the API's body. */
describe('dialogue record form', () => {
  it('reads participants, findings and follow-ups one per line, empty parts as null', () => {
    expect(participantsOf('Taro Yamada / Magnet Co. / procurement head\n\nKeiko Ito')).toEqual([
      { name: 'Taro Yamada', organisation: 'Magnet Co.', role: 'procurement head' },
      { name: 'Keiko Ito', organisation: null, role: null },
    ]);
    expect(findingsOf('Gallium from one refiner | 811292 | chn\nInventory 40 days')).toEqual([
      { text: 'Gallium from one refiner', product: '811292', country: 'CHN', registryProposal: null },
      { text: 'Inventory 40 days', product: null, country: null, registryProposal: null },
    ]);
    expect(followUpsOf('Send the minutes | k.ito | 2026-12-04\nCall JOGMEC')).toEqual([
      { action: 'Send the minutes', owner: 'k.ito', dueOn: '2026-12-04', done: false },
      { action: 'Call JOGMEC', owner: '—', dueOn: null, done: false },
    ]);
  });

  it('splits lists on Latin and Japanese commas', () => {
    expect(listOf('850511, 850519、280530，')).toEqual(['850511', '850519', '280530']);
  });
});

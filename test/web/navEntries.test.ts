import { describe, expect, it } from 'vitest';
import { navEntries, type NavPlaced } from '../../web/src/components/navEntries.ts';

const view = (path: string, nav: NavPlaced['nav']) => ({ path, nav });

describe('navigation bar entries', () => {
  it('puts Home first, then the groups in their order with their views, then the other top-level views', () => {
    const shown = [
      view('', true),
      view('screen', 'analysis'),
      view('desk', true),
      view('scenarios', 'foresight'),
      view('zones', 'analysis'),
      view('product', false),
      view('admin', true),
    ];
    const entries = navEntries(shown);
    expect(
      entries.map((e) => (e.kind === 'view' ? e.view.path : `${e.id}[${e.views.map((v) => v.path).join(',')}]`)),
    ).toEqual(['', 'analysis[screen,zones]', 'foresight[scenarios]', 'desk', 'admin']);
  });

  it('leaves out a group with no view the user may see', () => {
    const entries = navEntries([view('', true), view('ews', 'foresight')]);
    expect(entries.map((e) => (e.kind === 'group' ? e.id : e.view.path))).toEqual(['', 'foresight']);
  });
});

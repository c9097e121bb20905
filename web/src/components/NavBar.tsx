import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../router/router.ts';
import type { ViewDefinition } from '../views.ts';
import { navEntries, navGroups, type NavGroupId } from './navEntries.ts';

/**
 * The navigation bar: top-level views as links, groups as disclosure menus (a `details` element: keyboard and
 * screen readers need nothing more). A menu closes when a view is chosen or on Escape; the group holding the
 * current view is marked as current.
 */
export function NavBar({ shown, current }: { shown: ViewDefinition[]; current: ViewDefinition }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  // A menu stays open only on the view it was opened on: choosing a view (or following any link) closes it.
  const [opened, setOpened] = useState<{ id: NavGroupId; on: ViewDefinition } | null>(null);
  const open = opened?.on === current ? opened.id : null;
  const setOpen = (id: NavGroupId | null) => setOpened(id ? { id, on: current } : null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setOpen(null);
  };
  const link = (view: ViewDefinition) => (
    <a
      key={view.path}
      href={href(view.path ? [view.path] : [])}
      aria-current={view === current ? 'page' : undefined}
      onClick={() => setOpen(null)}
    >
      {view.label[lang]}
    </a>
  );
  return (
    <nav aria-label={t('nav.label')} onKeyDown={closeOnEscape}>
      {navEntries(shown).map((entry) => {
        if (entry.kind === 'view') return link(entry.view);
        const label = navGroups.find((g) => g.id === entry.id)!.label[lang];
        return (
          <details
            key={entry.id}
            className="nav-group"
            open={open === entry.id}
            data-current={entry.views.includes(current) ? 'true' : undefined}
            onToggle={(event) => {
              const isOpen = event.currentTarget.open;
              if (isOpen) setOpen(entry.id);
              else if (open === entry.id) setOpen(null);
            }}
          >
            <summary>{label}</summary>
            <div className="nav-menu">{entry.views.map(link)}</div>
          </details>
        );
      })}
    </nav>
  );
}

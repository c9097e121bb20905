import { useState } from 'react';
import { get } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { changedDraft, chosenRuleSet, defaultSaveAs } from './ruleDraft.ts';
import type { RuleSetBody, RuleSetsResponse } from './types.ts';

interface Edits {
  /** The answer and rule set the edits were made on: another answer or choice starts from the saved rules again. */
  of: RuleSetsResponse;
  id: string;
  draft: RuleSetBody | null;
  saveAs: string | null;
}

/**
 * The rule sets (GET /api/ews/rule-sets) and the one being edited: its draft and the id it is to be saved under.
 * `saved(id)` loads the sets again and then shows the one saved (the draft stays shown until they arrive).
 */
export function useRuleDraft() {
  const sets = useGet('GET /api/ews/rule-sets');
  const [selected, setSelected] = useState('default');
  const [edits, setEdits] = useState<Edits | null>(null);
  const data = sets.data;
  const found = data ? chosenRuleSet(data, selected) : undefined;
  const mine = edits && edits.of === data && edits.id === found?.id ? edits : null;
  const draft: RuleSetBody | null = mine?.draft ?? found?.body ?? null;
  const saveAs = mine?.saveAs ?? defaultSaveAs(found?.id ?? 'default');
  const keep = (patch: Partial<Pick<Edits, 'draft' | 'saveAs'>>) =>
    data &&
    found &&
    setEdits({ of: data, id: found.id, draft: mine?.draft ?? null, saveAs: mine?.saveAs ?? null, ...patch });
  return {
    sets: data,
    /** The rule set shown (its id and marking). */
    shown: found,
    draft,
    saveAs,
    loadError: sets.error?.message ?? null,
    edit: (change: (d: RuleSetBody) => void) => draft && keep({ draft: changedDraft(draft, change) }),
    setSaveAs: (value: string) => keep({ saveAs: value }),
    choose: (id: string) => {
      setSelected(id);
      setEdits(null);
    },
    saved: async (id: string) => {
      const fresh = await get('GET /api/ews/rule-sets');
      sets.update(() => fresh);
      setSelected(id);
      setEdits(null);
    },
  };
}

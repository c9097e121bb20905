import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post, put } from '../../api/client.ts';
import { useGetWhen } from '../../api/useGet.ts';
import { MarkingFields } from '../../components/MarkingFields.tsx';
import { href, navigate } from '../../router/router.ts';
import { ApiErrorText } from './ApiErrorText.tsx';
import { DesignBasics } from './DesignBasics.tsx';
import { InjectEditor } from './InjectEditor.tsx';
import { GenerateFromRun } from './GenerateFromRun.tsx';
import {
  byTime,
  designBody,
  designFormOf,
  emptyInject,
  newDesignForm,
  type DesignForm,
} from './designForm.ts';

/** Creates (`id` absent) or edits an exercise: the design, the inject timeline and the markings. */
export function ExerciseDesigner({ id }: { id?: string }) {
  const loaded = useGetWhen(id !== undefined, 'GET /api/exercises/{id}', { path: { id: id ?? '' } });
  const { t } = useTranslation();
  if (id && loaded.error) return <p role="alert">{t('error.load', { message: loaded.error.message })}</p>;
  if (id && !loaded.data) return null;
  // Keyed by the exercise, so a saved or reloaded exercise starts a fresh form.
  return (
    <>
      <DesignerForm
        key={loaded.data ? `${loaded.data.id}:${loaded.data.updatedAt}` : 'new'}
        id={id}
        initial={loaded.data ? designFormOf(loaded.data) : newDesignForm()}
        onSaved={loaded.reload}
      />
      {id && <GenerateFromRun exerciseId={id} onAdded={loaded.reload} />}
    </>
  );
}

function DesignerForm({ id, initial, onSaved }: { id?: string; initial: DesignForm; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const levelOf = new Map(initial.injects.map((i) => [i.id, i.marking.level]));
  const lowered =
    form.marking.level < initial.marking.level ||
    form.injects.some((i) => (levelOf.get(i.id) ?? 0) > i.marking.level);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const body = designBody({ ...form, injects: byTime(form.injects) }, reason);
      if (id) {
        await put('PUT /api/exercises/{id}', { path: { id }, body });
        setStatus(t('exercises.designer.saved'));
        onSaved();
      } else {
        const created = await post('POST /api/exercises', { body });
        navigate(['exercises', created.id]);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setInject = (i: number) => (next: DesignForm['injects'][number]) =>
    setForm((f) => ({ ...f, injects: f.injects.map((x, j) => (j === i ? next : x)) }));

  return (
    <section aria-labelledby="designer-heading">
      <p>
        <a href={id ? href(['exercises', id]) : href(['exercises'])}>{t('exercises.back')}</a>
      </p>
      <h3 id="designer-heading">{t('exercises.designer.heading')}</h3>
      <form onSubmit={(e) => void submit(e)} className="designer">
        <DesignBasics form={form} setForm={setForm} />
        <h4>{t('exercises.designer.injects')}</h4>
        {form.injects.map((inject, i) => (
          <InjectEditor
            key={i}
            index={i}
            inject={inject}
            teams={form.teams}
            earlier={form.injects.filter((x) => x !== inject).map((x) => x.id)}
            onChange={setInject(i)}
            onRemove={() => setForm((f) => ({ ...f, injects: f.injects.filter((_, j) => j !== i) }))}
          />
        ))}
        <p>
          <button
            type="button"
            onClick={() =>
              setForm((f) => ({ ...f, injects: [...f.injects, emptyInject(f.injects.length + 1)] }))
            }
          >
            {t('exercises.designer.addInject')}
          </button>
        </p>
        <MarkingFields
          idPrefix="ex"
          labels={{
            level: t('exercises.designer.exerciseMarking'),
            compartments: t('exercises.designer.compartments'),
            reason: t('exercises.designer.reason'),
          }}
          marking={form.marking}
          onMarking={(marking) => setForm((f) => ({ ...f, marking }))}
          lowered={lowered}
          reason={reason}
          onReason={setReason}
        />
        <ApiErrorText error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('exercises.designer.saving') : t('exercises.designer.save')}
        </button>
        {status && <span role="status">{status}</span>}
      </form>
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Bilingual = { ja: string; en: string };

/** A text in English and Japanese, one field each (`rows` makes them text areas); ids `${id}-en`, `${id}-ja`. */
export function BilingualFields({
  id,
  labels,
  value,
  onChange,
  rows,
  size = 60,
}: {
  id: string;
  labels: Bilingual;
  value: Bilingual;
  onChange: (value: Bilingual) => void;
  rows?: number;
  size?: number;
}) {
  return (['en', 'ja'] as const).map((l) => (
    <div className="field" key={l}>
      <label htmlFor={`${id}-${l}`}>{labels[l]}</label>
      {rows ? (
        <textarea
          id={`${id}-${l}`}
          rows={rows}
          cols={size}
          value={value[l]}
          onChange={(e) => onChange({ ...value, [l]: e.target.value })}
        />
      ) : (
        <input
          id={`${id}-${l}`}
          size={size}
          value={value[l]}
          onChange={(e) => onChange({ ...value, [l]: e.target.value })}
        />
      )}
    </div>
  ));
}

/** One row of a list of named things (organisations, teams): id, name in both languages, `children`, remove. */
export function NamedRow({
  id,
  item,
  onChange,
  onRemove,
  children,
}: {
  id: string;
  item: { id: string; name: Bilingual };
  onChange: (change: { id?: string; name?: Bilingual }) => void;
  onRemove: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="inline-form">
      <div className="field">
        <label htmlFor={`${id}-id`}>{t('exercises.designer.id')}</label>
        <input id={`${id}-id`} value={item.id} onChange={(e) => onChange({ id: e.target.value })} size={12} />
      </div>
      <BilingualFields
        id={`${id}-name`}
        labels={{ en: t('exercises.designer.nameEn'), ja: t('exercises.designer.nameJa') }}
        value={item.name}
        onChange={(name) => onChange({ name })}
        size={20}
      />
      {children}
      <button type="button" onClick={onRemove}>
        {t('exercises.designer.remove')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { scenarioTexts } from './texts.ts';

const prefixes = Object.keys(scenarioTexts.en.methodNames as Record<string, string>);

/**
 * The methods a run used, as the API states them (with their citations, in English); in Japanese each line is
 * led by its Japanese name, matched by how the line begins.
 */
export function MethodList({ methods }: { methods: string[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="methods">
      {methods.map((m) => {
        const prefix = prefixes.find((p) => m.startsWith(p));
        return (
          <li key={m}>
            {i18n.language === 'ja' && prefix && <strong>{t(`scenarios.methodNames.${prefix}`)}: </strong>}
            <span lang="en">{m}</span>
          </li>
        );
      })}
    </ul>
  );
}

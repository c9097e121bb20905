import { useState, type FormEvent } from 'react';
import { useFormError } from '../../components/formErrors.ts';

/**
 * The submit of a form whose file field `file` goes to the API as text (SBOM, VEX, catalogue): `send` posts the
 * text with the form's other fields; `done` holds the answer, `error` the server's message by field.
 */
export function useFileUpload<T>(
  send: (text: string, data: FormData) => Promise<T>,
  onDone: (answer: T) => void,
  fields: readonly string[] = [],
) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<T | null>(null);
  const error = useFormError(fields);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    error.clear();
    setDone(null);
    setBusy(true);
    file
      .text()
      .then((text) => send(text, data))
      .then((answer) => {
        setDone(answer);
        onDone(answer);
      })
      .catch(error.set)
      .finally(() => setBusy(false));
  };
  return { busy, done, error, submit };
}

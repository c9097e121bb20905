import { ApiError } from '../../api/client.ts';
import { formFieldOf } from './scenarioForm.ts';

/**
 * Where the editor shows the API's refusal of a save: by the form field it names (`field`), above the form with
 * the name of a field the form cannot show (`named`), or above the form with the YAML line when there is one.
 */
export type SaveErrorPlace =
  | { kind: 'field'; target: string; field: string }
  | { kind: 'named'; field: string }
  | { kind: 'other'; line?: number };

export function saveErrorPlace(error: unknown, mode: 'form' | 'text'): SaveErrorPlace {
  const field = error instanceof ApiError ? error.place.field : undefined;
  const target = mode === 'form' ? formFieldOf(field) : undefined;
  if (target && field) return { kind: 'field', target, field };
  if (field) return { kind: 'named', field };
  return { kind: 'other', line: error instanceof ApiError ? error.place.line : undefined };
}

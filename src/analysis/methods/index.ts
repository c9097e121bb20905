import { ChokepointError } from '../../errors.ts';
import { eu2021 } from './eu2021.ts';
import { geodep } from './geodep.ts';
import { majority } from './majority.ts';
import { hhiMethod } from './hhi.ts';
import type { Method } from './method.ts';

/** The method presets, in the order screens show them. */
export const methods: readonly Method[] = [eu2021, geodep, majority, hhiMethod];

export type MethodId = 'eu2021' | 'geodep' | 'majority' | 'hhi';

export function methodById(id: string): Method {
  const method = methods.find((m) => m.id === id);
  if (!method) {
    throw new ChokepointError('bad_input', `unknown method "${id}" (known: ${methods.map((m) => m.id).join(', ')})`, {
      field: 'method',
    });
  }
  return method;
}

import { useSyncExternalStore } from 'react';
import type { ApiResponse } from '../../api/schema.ts';

/** The signed-in user as GET /api/auth/me returns it. */
export type Me = ApiResponse<'GET /api/auth/me'>;

/**
 * The signed-in user, shared with code outside the session gate (the navigation shows administration only to
 * administrators and auditors). SessionGate sets it; the server still decides every action.
 */
let current: Me | null = null;
const listeners = new Set<() => void>();

export function setSignedIn(me: Me | null): void {
  current = me;
  for (const listener of listeners) listener();
}

export function currentSignedIn(): Me | null {
  return current;
}

/** Calls `listener` whenever the signed-in user changes (sign-in, sign-out); returns the unsubscribe. */
export function onSignedInChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSignedIn(): Me | null {
  return useSyncExternalStore(onSignedInChange, () => current);
}

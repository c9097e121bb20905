import type { Marking } from '../../analysis/marking.ts';

/**
 * A snapshot marked as one document (issue 24): every `marking` inside it becomes the share's marking. The share's
 * marking is at least the join of what the result read, so this never lowers a part — except when the sender
 * declassified the whole (with the permission and a reason, audited), which then applies to every part alike;
 * without it, a part kept at its higher marking would make the enforcement point refuse the recipient's read.
 */
export function markSnapshot(value: unknown, marking: Marking): unknown {
  if (Array.isArray(value)) return value.map((v) => markSnapshot(v, marking));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = k === 'marking' && isMarking(v) ? marking : markSnapshot(v, marking);
  return out;
}

function isMarking(v: unknown): boolean {
  return (
    Boolean(v) &&
    typeof v === 'object' &&
    typeof (v as { level?: unknown }).level === 'number' &&
    Array.isArray((v as { compartments?: unknown }).compartments)
  );
}

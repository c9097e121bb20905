/**
 * The record form's text fields as the API's body (issue 24): lists separated by commas, participants, findings
 * and follow-ups one per line with their parts separated by "/" or "|". Empty parts are null; the server checks the
 * rest and names the field it refuses (e.g. `findings[1].country`).
 */
const parts = (line: string, sep: RegExp) => line.split(sep).map((p) => p.trim());
const orNull = (s: string | undefined) => (s ? s : null);

export const listOf = (text: string) =>
  text
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter(Boolean);

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function participantsOf(text: string) {
  return lines(text).map((l) => {
    const [name, organisation, role] = parts(l, /\//);
    return { name, organisation: orNull(organisation), role: orNull(role) };
  });
}

export function findingsOf(text: string) {
  return lines(text).map((l) => {
    const [body, product, country] = parts(l, /\|/);
    return {
      text: body,
      product: orNull(product),
      country: orNull(country?.toUpperCase()),
      registryProposal: null,
    };
  });
}

export function followUpsOf(text: string) {
  return lines(text).map((l) => {
    const [action, owner, dueOn] = parts(l, /\|/);
    return { action, owner: owner || '—', dueOn: orNull(dueOn), done: false };
  });
}

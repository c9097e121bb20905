import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Marking } from '../../analysis/marking.ts';
import { checkDialogueInput, type DialogueInput } from '../../data/dialogue/index.ts';
import { caseById } from '../../data/security/index.ts';
import { badInput } from '../../errors.ts';
import { requirePermission } from '../security/access.ts';
import type { DialogueBody } from '../routes/dialogue/schemas.ts';

/**
 * A dialogue record's body as the store's input, checked: dates, HS6 codes, countries and technologies
 * (checkDialogueInput), and the consultation-desk cases it links — only desk staff (consultation.answer) see case
 * ids, so only they may link them, and each must exist.
 */
export async function dialogueInputOf(
  request: FastifyRequest,
  body: Static<typeof DialogueBody>,
  marking: Marking,
): Promise<DialogueInput> {
  if (body.cases.length) requirePermission(request, 'consultation.answer');
  for (const [i, id] of body.cases.entries()) {
    const found = await caseById(request.server.services.state, id).catch(() => undefined);
    if (!found) throw badInput(`no consultation case ${id}`, { field: `cases[${i}]` });
  }
  return checkDialogueInput({
    heldOn: body.heldOn,
    kind: body.kind,
    title: body.title,
    participants: body.participants,
    organisations: body.organisations,
    topics: body.topics,
    products: body.products,
    technologies: body.technologies,
    cases: body.cases,
    summary: body.summary,
    findings: body.findings.map((f) => ({ ...f })),
    followUps: body.followUps.map((f) => ({ ...f })),
    marking,
  });
}

import type { ApiResponse } from '../../api/schema.ts';

/** A consultation case as the desk API returns it (src/server/routes/consultation.ts). */
export type ConsultationCase = ApiResponse<'POST /api/consultation/cases/read'>;
export type CaseMessage = ConsultationCase['messages'][number];
export type Topic = ConsultationCase['topic'];
export const topics: Topic[] = ['technology_leakage', 'coercion', 'other'];

/** A case in the staff list (GET /api/consultation/cases): its messages counted. */
export type CaseSummary = ApiResponse<'GET /api/consultation/cases'>['items'][number];

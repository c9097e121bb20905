/** A consultation case as the desk API returns it (src/server/routes/consultation.ts). */
export type Topic = 'technology_leakage' | 'coercion' | 'other';
export const topics: Topic[] = ['technology_leakage', 'coercion', 'other'];

export interface CaseMessage {
  author: 'requester' | 'staff';
  body: string;
  createdAt: string;
}

export interface ConsultationCase {
  topic: Topic;
  status: 'open' | 'answered' | 'closed';
  createdAt: string;
  messages: CaseMessage[];
}

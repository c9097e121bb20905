import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { badInput, notFound } from '../../errors.ts';
import { randomToken, sha256 } from './secrets.ts';

/**
 * Anonymous consultation desk (相談窓口): an SME asks about technology leakage or coercion without an account.
 * The case is found again only through its random token, of which only the SHA-256 is kept. Nothing about the
 * requester is stored beyond what they type: no address, no user agent, and their timestamps only to the day.
 */
export const consultationTopics = ['technology_leakage', 'coercion', 'other'] as const;
export type ConsultationTopic = (typeof consultationTopics)[number];
export const consultationTopicNames: Record<ConsultationTopic, { ja: string; en: string }> = {
  technology_leakage: { ja: '技術流出', en: 'technology leakage' },
  coercion: { ja: '経済的威圧', en: 'economic coercion' },
  other: { ja: 'その他', en: 'other' },
};

export const maxMessageLength = 10_000;

export interface ConsultationMessage {
  author: 'requester' | 'staff';
  body: string;
  createdAt: string;
}

export interface ConsultationCase {
  id: string;
  topic: ConsultationTopic;
  status: 'open' | 'answered' | 'closed';
  createdAt: string;
  messages: ConsultationMessage[];
}

function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw badInput('the message is empty', { field: 'body' });
  if (text.length > maxMessageLength)
    throw badInput(`the message is longer than ${maxMessageLength} characters`, { field: 'body' });
  return text;
}

export async function openCase(
  db: StateDb,
  topic: ConsultationTopic,
  question: string,
): Promise<{ id: string; token: string }> {
  if (!(consultationTopics as readonly string[]).includes(topic)) {
    throw badInput(`topic must be one of ${consultationTopics.join(', ')}`, { field: 'topic' });
  }
  const text = checkBody(question);
  const id = randomUUID();
  const token = `case_${randomToken()}`;
  await db.transaction(async (tx) => {
    await tx.query(
      "INSERT INTO consultation_cases (id, token_hash, topic, created_at) VALUES ($1, $2, $3, date_trunc('day', now()))",
      [id, sha256(token), topic],
    );
    await tx.query(
      "INSERT INTO consultation_messages (case_id, author, body, created_at) VALUES ($1, 'requester', $2, date_trunc('day', now()))",
      [id, text],
    );
  });
  return { id, token };
}

type CaseRow = {
  id: string;
  topic: ConsultationTopic;
  status: ConsultationCase['status'];
  created_at: string | Date;
};

async function load(db: StateDb, row: CaseRow): Promise<ConsultationCase> {
  const messages = await db.query<{
    author: ConsultationMessage['author'];
    body: string;
    created_at: string | Date;
  }>('SELECT author, body, created_at FROM consultation_messages WHERE case_id = $1 ORDER BY id', [row.id]);
  return {
    id: row.id,
    topic: row.topic,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    messages: messages.map((m) => ({
      author: m.author,
      body: m.body,
      createdAt: new Date(m.created_at).toISOString(),
    })),
  };
}

export async function caseByToken(db: StateDb, token: string): Promise<ConsultationCase> {
  const rows = await db.query<CaseRow>(
    'SELECT id, topic, status, created_at FROM consultation_cases WHERE token_hash = $1',
    [sha256(token)],
  );
  if (!rows.length) throw notFound('no case with this token', { field: 'token' });
  return load(db, rows[0]);
}

export async function caseById(db: StateDb, id: string): Promise<ConsultationCase> {
  const rows = await db.query<CaseRow>(
    'SELECT id, topic, status, created_at FROM consultation_cases WHERE id::text = $1',
    [id],
  );
  if (!rows.length) throw notFound('no such case', { field: 'id' });
  return load(db, rows[0]);
}

export async function listCases(
  db: StateDb,
): Promise<(Omit<ConsultationCase, 'messages'> & { messages: number })[]> {
  const rows = await db.query<CaseRow & { n: number | string }>(
    `SELECT c.id, c.topic, c.status, c.created_at, count(m.id) AS n FROM consultation_cases c
       LEFT JOIN consultation_messages m ON m.case_id = c.id GROUP BY c.id ORDER BY c.created_at DESC, c.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    messages: Number(r.n),
  }));
}

export async function addMessage(
  db: StateDb,
  caseId: string,
  author: 'requester' | 'staff',
  body: string,
): Promise<void> {
  const text = checkBody(body);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO consultation_messages (case_id, author, body, created_at)
       VALUES ($1, $2, $3, CASE WHEN $2 = 'requester' THEN date_trunc('day', now()) ELSE now() END)`,
      [caseId, author, text],
    );
    await tx.query('UPDATE consultation_cases SET status = $2 WHERE id = $1', [
      caseId,
      author === 'staff' ? 'answered' : 'open',
    ]);
  });
}

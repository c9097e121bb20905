import type { Marking } from '../../components/MarkingBadge.tsx';

export type Role = 'administrator' | 'analyst' | 'viewer' | 'auditor';
export const roles: Role[] = ['administrator', 'analyst', 'viewer', 'auditor'];
export const levels = [0, 1, 2, 3] as const;

/** GET /api/users */
export interface User {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  role: Role;
  clearanceLevel: 0 | 1 | 2 | 3;
  compartments: string[];
  permissions: string[];
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export type OrganisationKind = 'ministry' | 'company' | 'association' | 'foreign_partner';
export const organisationKinds: OrganisationKind[] = [
  'ministry',
  'company',
  'association',
  'foreign_partner',
];

/** GET /api/organisations */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  sharingCap: 0 | 1 | 2 | 3;
}

/** GET /api/tokens */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

/** GET /api/audit */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string | null;
  marking: Marking | null;
  details: Record<string, unknown> | null;
  hash: string;
}

/** GET /api/audit/verify */
export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  problems: { seq: number; problem: string }[];
}

/** "a, b ,c" → ['a', 'b', 'c'] */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

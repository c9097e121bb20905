import type { ApiResponse } from '../../api/schema.ts';

/** GET /api/users */
export type User = ApiResponse<'GET /api/users'>['items'][number];
export type Role = User['role'];
export const roles: Role[] = ['administrator', 'analyst', 'viewer', 'auditor'];
export const levels = [0, 1, 2, 3] as const;

/** GET /api/organisations */
export type Organisation = ApiResponse<'GET /api/organisations'>['items'][number];
export type OrganisationKind = Organisation['kind'];
export const organisationKinds: OrganisationKind[] = [
  'ministry',
  'company',
  'association',
  'foreign_partner',
];

/** GET /api/audit */
export type AuditEntry = ApiResponse<'GET /api/audit'>['items'][number];

/** GET /api/audit/verify */
export type AuditVerification = ApiResponse<'GET /api/audit/verify'>;

/** "a, b ,c" → ['a', 'b', 'c'] */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

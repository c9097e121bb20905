/**
 * Roles and the permissions each carries. Reading an object is governed by markings, not roles; roles govern
 * actions. `declassify` is never implied by a role: an administrator grants it to named users.
 */
export const roles = ['administrator', 'analyst', 'viewer', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, { ja: string; en: string }> = {
  administrator: { ja: '管理者', en: 'administrator' },
  analyst: { ja: '分析担当', en: 'analyst' },
  viewer: { ja: '閲覧者', en: 'viewer' },
  auditor: { ja: '監査担当', en: 'auditor' },
};

export const permissions = [
  'users.manage', // add, disable, reset passwords, organisations
  'analysis.write', // create and change analyses, scenarios, markings (raising only)
  'share', // release an object to further organisations
  'export', // download files of objects
  'audit.read', // the audit log
  'consultation.answer', // answer the anonymous consultation desk
  'declassify', // lower a marking (with a reason, audited)
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, Permission[]> = {
  administrator: ['users.manage', 'analysis.write', 'share', 'export', 'consultation.answer'],
  analyst: ['analysis.write', 'share', 'export', 'consultation.answer'],
  viewer: ['export'],
  auditor: ['audit.read', 'export'],
};

/** Only permissions no role implies may be granted individually. */
export const grantablePermissions: Permission[] = ['declassify'];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function effectivePermissions(role: Role, extra: string[]): Permission[] {
  const all = new Set<string>([...rolePermissions[role], ...extra]);
  return permissions.filter((p) => all.has(p));
}

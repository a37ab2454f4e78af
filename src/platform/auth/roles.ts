export const roles = [
  'admin',
  'alliance-office',
  'site-office',
  'investigator',
  'industry',
] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  admin: 'Administrator',
  'alliance-office': 'Alliance office',
  'site-office': 'Site research office',
  investigator: 'Investigator',
  industry: 'Industry',
};

/** Who may use a route: anyone, anyone signed in, or only the roles listed. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** The person making a request, as the platform knows them after sign-in. */
export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** The partner organisation a site-office user acts for, or an industry user's company. */
  organisationId: string | null;
  mustChangePassword: boolean;
}

export function isAllowed(access: Access, user: SignedInUser | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'signed-in') return true;
  return access.includes(user.role);
}

export function describeAccess(access: Access): string {
  if (access === 'public') return 'anyone';
  if (access === 'signed-in') return 'anyone signed in';
  return access.map((role) => roleNames[role]).join(', ');
}

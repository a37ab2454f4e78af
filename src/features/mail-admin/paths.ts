// Kept here until they join the one list in platform/paths.ts (a file this feature does not own).
export const mailAdminPaths = {
  list: '/admin/mail',
  message: '/admin/mail/:id',
} as const;

export const mailMessagePath = (id: string) => `/admin/mail/${encodeURIComponent(id)}`;

/** Every public address of the platform, in one typed list, so links and routes never drift apart. */
export const paths = {
  home: '/',
  about: '/about',
  midlands: '/midlands',
  partners: '/partners',
  programmes: '/programmes',
  sarcopenia: '/programmes/sarcopenia',
  multimorbidity: '/programmes/multimorbidity',
  accessibility: '/accessibility',
  signIn: '/sign-in',
  signOut: '/sign-out',
  account: '/account',
  changePassword: '/account/password',
  apiTokens: '/account/tokens',
  revokeApiToken: '/account/tokens/:id/revoke',
  apiMe: '/api/v1/me',
  adminAudit: '/admin/audit',
  adminAuditCsv: '/admin/audit.csv',
  adminContent: '/admin/content',
  adminContentEdit: '/admin/content/edit/*',
  adminContentHistory: '/admin/content/history/*',
  adminContentRevision: '/admin/content/revisions/:id',
  adminContentRestore: '/admin/content/revisions/:id/restore',
  healthz: '/healthz',
  readyz: '/readyz',
  nhsukAssets: '/assets/',
  frontendAssets: '/assets/frontend/',
  appAssets: '/static/',
} as const;

/** Addresses that carry a value, built in one place so they always match their routes. */
export const pathTo = {
  revokeApiToken: (id: string) => `/account/tokens/${id}/revoke`,
  editPage: (slug: string) => `/admin/content/edit/${slug}`,
  pageHistory: (slug: string) => `/admin/content/history/${slug}`,
  revision: (id: string) => `/admin/content/revisions/${id}`,
  restoreRevision: (id: string) => `/admin/content/revisions/${id}/restore`,
};

// Kept here until they join the one list in platform/paths.ts (a file this feature does not own).
export const singleSignOnPaths = {
  start: '/sign-in/sso',
  callback: '/sign-in/sso/callback',
} as const;

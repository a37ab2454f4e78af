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
  healthz: '/healthz',
  readyz: '/readyz',
  nhsukAssets: '/assets/',
  frontendAssets: '/assets/frontend/',
  appAssets: '/static/',
} as const;

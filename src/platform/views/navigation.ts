import { paths } from '../paths.js';

export interface NavigationItem {
  text: string;
  href: string;
}

/** The site's main menu, in the order shown in the header. */
export const primaryNavigation: readonly NavigationItem[] = [
  { text: 'About the alliance', href: paths.about },
  { text: 'The Midlands', href: paths.midlands },
  { text: 'Partners', href: paths.partners },
  { text: 'Flagship programmes', href: paths.programmes },
  { text: 'Grand challenges', href: paths.grandChallenges },
  { text: 'Find research capability', href: paths.capabilities },
];

export const footerNavigation: readonly NavigationItem[] = [
  { text: 'About the alliance', href: paths.about },
  { text: 'Partners', href: paths.partners },
  { text: 'Find research capability', href: paths.capabilities },
  { text: 'API documentation', href: paths.apiDocs },
  { text: 'Accessibility statement', href: paths.accessibility },
  { text: 'Staff and partner sign in', href: paths.signIn },
];

/** Marks the menu item for the page being shown, or its section (e.g. a programme page). */
export function navigationFor(currentPath: string) {
  return primaryNavigation.map((item) => ({
    ...item,
    current: currentPath === item.href,
    active: currentPath !== item.href && currentPath.startsWith(`${item.href}/`),
  }));
}

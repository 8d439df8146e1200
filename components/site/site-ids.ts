/**
 * The ids and breakpoint the page chrome's markup shares with its inline script
 * (site-controls.ts). Kept apart from that script so client components can import them
 * without it.
 */
export interface SiteControlIds {
  /** The search <dialog>. */
  search: string;
  /** The polite live region that announces copies (the inline script adds it). */
  announcer: string;
  /** The navigation column, a popover drawer below `wideNav`. */
  nav: string;
  /** The width from which the navigation is a column (Tailwind's `lg`). */
  wideNav: string;
}

export const SITE_CONTROL_IDS: SiteControlIds = {
  search: 'site-search',
  announcer: 'site-announcer',
  nav: 'site-nav',
  wideNav: '64rem',
};

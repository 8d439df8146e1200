import type { SiteControlIds } from './site-ids';

/**
 * The page chrome's behaviour that must work from the first paint. On a phone, React hydrates
 * seconds after the text appears (about 4.5 s on a throttled mobile profile, measured by
 * `npm run perf:site`); a reader tapping search, the theme toggle or a copy button in that
 * time must not meet a dead control. So these controls are plain HTML, and this function,
 * inlined as a script in <head> (see SiteScript), gives them their behaviour:
 *
 * - applies the stored or system theme before anything is painted;
 * - `[data-theme-toggle]` flips the theme and stores the choice;
 * - `[data-open-search]`, `/` and Ctrl/Cmd-K open the search dialog (`ids.search`), whose
 *   input is focused and selected; `[data-close-search]` and a click on the backdrop close
 *   it (Escape is the browser's own). What the dialog does with a query is React's
 *   (search-dialog.tsx): typing before it hydrates is kept and searched once it does;
 * - `[data-copy-link="<id>"]` copies the absolute URL of the heading `#id`, and
 *   `[data-copy-text]` the first <pre> in its nearest `[data-copy-scope]`, exactly as written;
 *   the button gets `data-copied` for two seconds (its CSS swaps icon and label) and the
 *   result is announced in a polite live region (`ids.announcer`) this script adds;
 * - a URL fragment naming something inside a closed <details> (a self-check answer, a deep
 *   dive) opens it, on load and on every hashchange;
 * - a link followed inside the navigation drawer (`ids.nav`, a popover that opens and
 *   closes with no script) closes it, since a client-side navigation keeps the element; so
 *   does widening the window past `lg`, where the same element is the sticky column.
 *
 * - a tap on a widget's placeholder control (`[data-queue-control="<label>"]`, inside a
 *   `[data-widget][data-placeholder]`) is acknowledged at once (`data-queued` on it, which its
 *   CSS shows, and a polite announcement) and kept: when the live widget has replaced the
 *   placeholder and its button labelled `<label>` (aria-label or text) is enabled, that
 *   button is clicked. One kept tap per widget; a second tap on the same widget is ignored.
 *   A placeholder that stays in the page under its live widget (the architecture diagram's
 *   static picture, which print shows) is marked `[data-queue-placeholder]` inside the
 *   `[data-widget]` block that holds both; the tap goes to the live button in that block.
 *
 * It registers listeners on `document` and `window` only, so it runs before the elements
 * exist, and it keeps working across client-side navigations, which replace them. It
 * changes no markup React renders except attributes (`open`, `data-copied`, the theme
 * class), which hydration leaves alone; new text there would not match the server HTML. It is
 * inlined with Function.prototype.toString: it must use nothing from outside its own body
 * but its argument.
 */
export function siteControls(ids: SiteControlIds): void {
  const root = document.documentElement;

  function applyTheme(dark: boolean) {
    root.classList.toggle('dark', dark);
    root.style.colorScheme = dark ? 'dark' : 'light';
  }
  try {
    const stored = localStorage.getItem('theme');
    applyTheme(stored ? stored === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
  } catch {
    // Storage can be disabled: the system preference applies.
  }

  function searchDialog() {
    const dialog = document.getElementById(ids.search);
    return dialog instanceof HTMLDialogElement ? dialog : null;
  }
  function openSearch() {
    const dialog = searchDialog();
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector('input')?.select();
  }

  function isTypingTarget(target: EventTarget | null) {
    return (
      target instanceof HTMLElement &&
      (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
    );
  }

  // The live region is this script's own, added to <body> once it is parsed: text written
  // into markup React renders would not match the server HTML at hydration, and React 19
  // skips over elements it did not render at the end of <body>.
  function liveRegion() {
    let region = document.getElementById(ids.announcer);
    if (!region) {
      region = document.createElement('div');
      region.id = ids.announcer;
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      region.className = 'sr-only';
      document.body.append(region);
    }
    return region;
  }
  function announce(message: string) {
    liveRegion().textContent = message;
  }
  // A region must exist before it changes for screen readers to announce the change.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', liveRegion, { once: true });
  } else {
    liveRegion();
  }

  async function copy(button: HTMLElement) {
    const id = button.getAttribute('data-copy-link');
    const text =
      id !== null
        ? `${location.origin}${location.pathname}#${id}`
        : (button.closest('[data-copy-scope]')?.querySelector('pre')?.textContent ?? '');
    try {
      await navigator.clipboard.writeText(text);
      button.setAttribute('data-copied', '');
      announce(id !== null ? 'Link copied' : 'Copied to the clipboard');
    } catch {
      announce(id !== null ? 'Could not copy the link' : 'Could not copy');
    }
    setTimeout(() => {
      button.removeAttribute('data-copied');
      announce('');
    }, 2000);
  }

  function closeNav() {
    const nav = document.getElementById(ids.nav);
    if (nav?.matches(':popover-open')) nav.hidePopover();
  }

  const queued = new Set<string>();
  const placeholders = '[data-placeholder], [data-queue-placeholder]';
  function buttonLabelled(scope: Element, label: string) {
    for (const button of scope.querySelectorAll('button')) {
      const name = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
      if (name === label && !button.disabled && !button.closest(placeholders)) return button;
    }
    return null;
  }
  function queueTap(control: Element) {
    const block = control.closest(placeholders)?.closest('[data-widget]');
    const widget = block?.getAttribute('data-widget');
    const label = control.getAttribute('data-queue-control');
    if (!block || !widget || !label) return;
    const same = `[data-widget="${widget}"]`;
    // The live widget takes the placeholder's place (or sits beside it in the same block):
    // the n-th block of its kind on the page.
    const index = [...document.querySelectorAll(same)].indexOf(block);
    const key = `${widget}#${index}`;
    if (queued.has(key)) return;
    queued.add(key);
    control.setAttribute('data-queued', '');
    announce(`${label}: starting, it runs as soon as the widget is ready`);
    const page = location.pathname;
    const perform = () => {
      if (location.pathname !== page) {
        // The reader went on to another page (client-side): the tap was for this one.
        observer.disconnect();
        queued.delete(key);
        return;
      }
      const live = document.querySelectorAll(same)[index];
      const button = live && !live.hasAttribute('data-placeholder') && buttonLabelled(live, label);
      if (!button) return false;
      observer.disconnect();
      queued.delete(key);
      announce('');
      button.click();
    };
    const observer = new MutationObserver(perform);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const placeholderControl = target.closest(
      ':is([data-placeholder], [data-queue-placeholder]) [data-queue-control]',
    );
    if (placeholderControl) {
      queueTap(placeholderControl);
      return;
    }
    const dialog = searchDialog();
    if (target === dialog || (dialog && target.closest('[data-close-search]'))) {
      // A click on the dialog element itself is a click on its backdrop: the content fills it.
      dialog?.close();
      return;
    }
    if (target.closest('[data-open-search]')) {
      openSearch();
      return;
    }
    if (target.closest('[data-theme-toggle]')) {
      const dark = !root.classList.contains('dark');
      applyTheme(dark);
      try {
        localStorage.setItem('theme', dark ? 'dark' : 'light');
      } catch {
        // The toggle still works for this page view.
      }
      return;
    }
    const copyButton = target.closest<HTMLElement>('[data-copy-link], [data-copy-text]');
    if (copyButton) {
      void copy(copyButton);
      return;
    }
    if (target.closest(`#${ids.nav} a`)) closeNav();
  });

  window.addEventListener('keydown', (event) => {
    const modK = (event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k';
    const slash =
      event.key === '/' && !event.metaKey && !event.ctrlKey && !isTypingTarget(event.target);
    if (modK || slash) {
      event.preventDefault();
      openSearch();
    }
  });

  matchMedia(`(min-width: ${ids.wideNav})`).addEventListener('change', closeNav);

  // A link to a self-check answer or a deep dive (`#id` inside a closed <details>) opens it,
  // from the first paint. React's HashOpener does the same after hydration, but a hash that
  // changes while the framework starts can be gone by then: the router's first
  // history.replaceState writes back the URL it started with (seen in 2 of 8 runs). That
  // write can even land between a fragment navigation and its `hashchange` event (2 of 40
  // runs at 6× CPU), so the event's own `newURL` names the target, and the fragment the
  // reader asked for is put back in the address bar for them to copy or reload.
  function openHashTarget(event?: HashChangeEvent) {
    const hash = event ? new URL(event.newURL).hash : location.hash;
    const id = decodeURIComponent(hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    if (event && !location.hash && new URL(event.newURL).pathname === location.pathname) {
      history.replaceState(history.state, '', hash);
    }
    const details = target.closest('details');
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', openHashTarget);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => openHashTarget(), { once: true });
  } else {
    openHashTarget();
  }

  // Tests wait on these before they click; they are true as soon as this has run.
  root.dataset.searchReady = 'true';
  root.dataset.copyReady = 'true';
}

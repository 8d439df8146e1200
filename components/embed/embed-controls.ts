/** What the embed page's inline script is told (embed-script.tsx). */
export interface EmbedConfig {
  /** The embed's name (/embed/<slug>/), sent with each height message. */
  slug: string;
  /** Each URL parameter's default as the link would write it: a link that changes one
   * shows the server-drawn picture dimmed until the live widget draws the state it asks for. */
  defaults: Record<string, string>;
  resize: string;
  autosize: string;
}

/**
 * The embed page's behaviour before anything is painted, inlined as a script at the start of
 * its <body> (after the site's own, which applied the stored theme):
 *
 * - `?theme=light|dark|system` overrides the theme; `system` also follows later changes;
 * - a link that sets a parameter away from its default marks the page `data-embed-custom`,
 *   so CSS dims the placeholder (drawn from the defaults) until the live widget replaces it;
 * - inside an iframe, it posts the page's height to the parent whenever it changes (the
 *   resize message of lib/embed/embed-link.ts), and when the parent answers that it sizes
 *   the iframe, marks the page `data-autosize`, after which the widget takes its own height
 *   instead of filling the frame (otherwise a frame once made taller could never shrink).
 *
 * It runs before React and needs nothing from it, so the host sizes the iframe from the
 * server-drawn placeholder, which has the widget's final size. Inlined with
 * Function.prototype.toString: it must use nothing from outside its body but its argument.
 */
export function embedControls(config: EmbedConfig): void {
  const root = document.documentElement;
  const params = new URLSearchParams(location.search);

  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'system') {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches);
      root.classList.toggle('dark', dark);
      root.style.colorScheme = dark ? 'dark' : 'light';
    };
    apply();
    if (theme === 'system') media.addEventListener('change', apply);
  }

  for (const key of Object.keys(config.defaults)) {
    const given = params.get(key);
    if (given !== null && given !== '' && given !== config.defaults[key]) {
      root.setAttribute('data-embed-custom', '');
      break;
    }
  }

  if (window.parent === window) return;
  let sent = 0;
  function post() {
    const main = document.querySelector('[data-embed-root]');
    if (!main) return;
    const height = Math.ceil(main.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: config.resize, height, widget: config.slug }, '*');
  }
  window.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (
      event.source === window.parent &&
      typeof data === 'object' &&
      data !== null &&
      (data as { type?: unknown }).type === config.autosize &&
      !root.hasAttribute('data-autosize')
    ) {
      root.setAttribute('data-autosize', '');
      post();
    }
  });
  function start() {
    const main = document.querySelector('[data-embed-root]');
    if (!main) return;
    new ResizeObserver(post).observe(main);
    post();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

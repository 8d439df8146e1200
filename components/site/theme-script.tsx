/**
 * Runs before the first paint, so the page is never drawn in the wrong theme: a stored
 * choice wins, otherwise the system preference. Kept as a string because it must run
 * before React loads; it is tiny and has no dependencies.
 */
const script = `(function(){try{var s=localStorage.getItem('theme');var d=s?s==='dark':matchMedia('(prefers-color-scheme: dark)').matches;var e=document.documentElement;e.classList.toggle('dark',d);e.style.colorScheme=d?'dark':'light'}catch(_){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}

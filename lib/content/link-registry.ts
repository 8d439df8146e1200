/**
 * The registry of published link targets: every page's heading anchors and self-check
 * ids, and every widget's URL parameters. Instructors link these from course pages, so
 * once published they must keep working: `checkRegistry` reports any that disappeared
 * without a redirect, and `updateRegistry` records the current state, turning renamed
 * anchors into redirects from the old name. Pure: the script in scripts/ and the tests
 * feed it the content.
 */

export interface LinkRegistry {
  /**
   * Page path → the anchors (heading and self-check ids) published on it, in page order,
   * so renamed headings pair up by position.
   */
  readonly pages: Readonly<Record<string, readonly string[]>>;
  /** `/page/#old` → `/page/#new` (or another page's anchor): old links that still work. */
  readonly redirects: Readonly<Record<string, string>>;
  /** Widget embed name → its URL parameters, sorted. */
  readonly widgets: Readonly<Record<string, readonly string[]>>;
}

/** What the content publishes now, in the registry's shape (without redirects). */
export type LinkSnapshot = Omit<LinkRegistry, 'redirects'>;

/** One page's anchors in page order. */
export interface PageAnchors {
  readonly path: string;
  readonly anchors: readonly string[];
}

export interface Problem {
  readonly target: string;
  readonly message: string;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** A snapshot of the current content. O(anchors). */
export function snapshot(
  pages: readonly PageAnchors[],
  widgets: Readonly<Record<string, readonly string[]>>,
): LinkSnapshot {
  return {
    pages: Object.fromEntries(pages.map((p) => [p.path, [...new Set(p.anchors)]])),
    widgets: Object.fromEntries(Object.entries(widgets).map(([k, v]) => [k, sorted(v)])),
  };
}

/** Splits `/page/#anchor` into its page and anchor. */
export function splitTarget(target: string): { path: string; anchor: string } {
  const i = target.indexOf('#');
  return i < 0
    ? { path: target, anchor: '' }
    : { path: target.slice(0, i), anchor: target.slice(i + 1) };
}

function exists(current: LinkSnapshot, target: string): boolean {
  const { path, anchor } = splitTarget(target);
  const anchors = current.pages[path];
  return anchors !== undefined && (anchor === '' || anchors.includes(anchor));
}

/**
 * Where an old link lands now: follows redirects (at most 10 hops, so a cycle cannot hang
 * anything) and returns the final target, or undefined when it leads nowhere that exists.
 */
export function resolveTarget(
  registry: Pick<LinkRegistry, 'redirects'>,
  current: LinkSnapshot,
  target: string,
): string | undefined {
  let at = target;
  for (let hop = 0; hop <= 10; hop++) {
    if (exists(current, at)) return at;
    const next = registry.redirects[at];
    if (next === undefined) return undefined;
    at = next;
  }
  return undefined;
}

/**
 * Everything the registry promises that the content no longer keeps: a page gone, an
 * anchor gone without a redirect (or with one that leads nowhere), a widget parameter
 * gone. Empty when every published link still works. O(registry).
 */
export function checkRegistry(registry: LinkRegistry, current: LinkSnapshot): Problem[] {
  const problems: Problem[] = [];
  for (const [path, anchors] of Object.entries(registry.pages)) {
    if (!current.pages[path] && !resolveTarget(registry, current, path)) {
      problems.push({ target: path, message: 'the page is gone; published pages are permanent' });
      continue;
    }
    for (const anchor of anchors) {
      const target = `${path}#${anchor}`;
      if (!resolveTarget(registry, current, target))
        problems.push({
          target,
          message: registry.redirects[target]
            ? `its redirect to ${registry.redirects[target]} leads nowhere`
            : 'the anchor is gone and has no redirect',
        });
    }
  }
  for (const [target, to] of Object.entries(registry.redirects))
    if (!resolveTarget(registry, current, to))
      problems.push({ target, message: `redirects to ${to}, which does not exist` });
  for (const [widget, params] of Object.entries(registry.widgets)) {
    const now = current.widgets[widget];
    if (!now) {
      problems.push({ target: `widget ${widget}`, message: 'the embeddable widget is gone' });
      continue;
    }
    for (const param of params)
      if (!now.includes(param))
        problems.push({
          target: `widget ${widget} ?${param}=`,
          message: 'the URL parameter is gone; links that set it would silently lose it',
        });
  }
  return problems;
}

export interface UpdateResult {
  readonly registry: LinkRegistry;
  /** Redirects added for anchors that vanished. */
  readonly added: Readonly<Record<string, string>>;
  /** What is still broken: anchors that vanished and could not be paired, and the like. */
  readonly problems: readonly Problem[];
}

const byKey = <T>(record: Record<string, T>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Records the current content in the registry. Each anchor that vanished from a page is
 * redirected: to the target given in `explicit` when there is one, else, when as many
 * anchors vanished from the page as appeared on it, to the new anchor in the same
 * position (headings renamed in place); otherwise it stays in the registry unresolved and
 * is reported, so the check keeps failing until someone says where it went. Redirects are
 * never dropped, and a page or widget parameter once published stays registered.
 * O(registry).
 */
export function updateRegistry(
  registry: LinkRegistry,
  current: LinkSnapshot,
  explicit: Readonly<Record<string, string>> = {},
): UpdateResult {
  const redirects: Record<string, string> = { ...registry.redirects, ...explicit };
  const added: Record<string, string> = { ...explicit };
  const pages: Record<string, string[]> = {};
  for (const [path, anchors] of Object.entries(current.pages)) pages[path] = [...anchors];
  for (const [path, before] of Object.entries(registry.pages)) {
    const now = current.pages[path];
    if (!now) {
      // A page gone: keep it registered so the check reports it.
      if (!resolveTarget({ redirects }, current, path)) pages[path] = [...before];
      continue;
    }
    const vanished = before.filter((a) => !now.includes(a) && !redirects[`${path}#${a}`]);
    const appeared = now.filter((a) => !before.includes(a));
    if (vanished.length > 0 && vanished.length === appeared.length)
      vanished.forEach((a, i) => {
        const to = `${path}#${appeared[i]}`;
        redirects[`${path}#${a}`] = to;
        added[`${path}#${a}`] = to;
      });
    else if (vanished.length > 0) pages[path] = [...now, ...vanished];
  }
  const widgets: Record<string, string[]> = {};
  for (const [w, params] of Object.entries(current.widgets)) widgets[w] = [...params];
  for (const [w, params] of Object.entries(registry.widgets))
    widgets[w] = sorted([...(widgets[w] ?? []), ...params]);
  const next: LinkRegistry = {
    pages: byKey(pages),
    redirects: byKey(redirects),
    widgets: byKey(widgets),
  };
  return { registry: next, added, problems: checkRegistry(next, current) };
}

/**
 * Adds to the registry the targets some earlier build published (`published`, taken from
 * an older version of the content), so the check holds the site to links that went out
 * before the registry existed. Anchors join the end of their page's list, after the ones
 * already registered, so `updateRegistry` never pairs them by position: each that has
 * vanished needs a redirect said explicitly. O(registry + published).
 */
export function recordPublished(registry: LinkRegistry, published: LinkSnapshot): LinkRegistry {
  const pages: Record<string, string[]> = {};
  for (const [path, anchors] of Object.entries(registry.pages)) pages[path] = [...anchors];
  for (const [path, anchors] of Object.entries(published.pages))
    pages[path] = [...new Set([...(pages[path] ?? []), ...anchors])];
  const widgets: Record<string, string[]> = {};
  for (const [w, params] of Object.entries(registry.widgets)) widgets[w] = [...params];
  for (const [w, params] of Object.entries(published.widgets))
    widgets[w] = sorted([...(widgets[w] ?? []), ...params]);
  return { pages: byKey(pages), redirects: registry.redirects, widgets: byKey(widgets) };
}

/**
 * The redirects whose old anchor is on `path`, as `old anchor → final target` (chains
 * followed, at most 10 hops), for that page's script. The check has already made sure
 * each one ends at an anchor that exists. O(redirects).
 */
export function redirectsFrom(
  registry: Pick<LinkRegistry, 'redirects'>,
  path: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const from of Object.keys(registry.redirects)) {
    const { path: p, anchor } = splitTarget(from);
    if (p !== path || !anchor) continue;
    let to = registry.redirects[from]!;
    for (let hop = 0; hop < 10 && registry.redirects[to] !== undefined; hop++)
      to = registry.redirects[to]!;
    out[anchor] = to;
  }
  return out;
}

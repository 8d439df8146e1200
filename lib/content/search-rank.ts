/**
 * Ordering of search results for the search dialog. Pagefind ranks pages by how much of the
 * page is about the query's words (BM25 over the whole text). That is right for a loose query
 * and wrong for the one a reader types most: the name of a part they remember. "What a
 * leaderboard has to do" is the first heading of /leaderboard-design/, yet seven pages use
 * those common words more often and Pagefind ranks that page 7th. So the dialog asks Pagefind
 * for a few more pages than it shows and puts first the pages whose title or one of whose
 * headings is the query, then those whose heading contains the whole query as a phrase,
 * keeping Pagefind's order within each group.
 */

/** The parts of a Pagefind result's data this module reads. */
export interface SearchSection {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { balanced_score: number }[];
}
export interface SearchPage {
  url: string;
  excerpt: string;
  meta: { title?: string; description?: string };
  sub_results?: SearchSection[];
}

/** One line of the dialog: a section (or a whole page) to open. */
export interface SearchHit {
  id: string;
  url: string;
  page: string;
  heading: string;
  excerpt: string;
}

/** How many pages the dialog asks Pagefind for, and how many it shows. */
export const SEARCH_CANDIDATE_PAGES = 12;
export const SEARCH_SHOWN_PAGES = 6;
export const SEARCH_SHOWN_HITS = 10;

/** Lower case, punctuation and repeated spaces removed: "Trade-offs, stated" → "trade offs stated". */
export function normaliseQuery(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * 2 when the page's title or a heading is the query; 1 when one contains it as a phrase, or
 * when a one-word query is a word of the page's lede (its description: the sorted-sets page
 * names "ZADD, ZINCRBY, ZREVRANK…", which pages that only use ZADD more often do not); else 0.
 */
export function headingMatch(page: SearchPage, query: string): number {
  const q = normaliseQuery(query);
  if (!q) return 0;
  const headings = [page.meta.title ?? '', ...(page.sub_results ?? []).map((s) => s.title)].map(
    normaliseQuery,
  );
  if (headings.includes(q)) return 2;
  // A one-word query is in many headings; a phrase of at least two words picks a part.
  if (q.includes(' ') && headings.some((h) => h.includes(q))) return 1;
  if (
    !q.includes(' ') &&
    normaliseQuery(page.meta.description ?? '')
      .split(' ')
      .includes(q)
  ) {
    return 1;
  }
  return 0;
}

/** Pages in the order the dialog shows them (a stable sort: Pagefind's order within a group). */
export function rankPages<P extends SearchPage>(pages: readonly P[], query: string): P[] {
  return pages
    .map((page, i) => ({ page, i, match: headingMatch(page, query) }))
    .sort((a, b) => b.match - a.match || a.i - b.i)
    .map(({ page }) => page);
}

/**
 * Ranks a page's sections for a query. Pagefind lists them in page order; a reader expects
 * the section whose heading names the query first, then the one where the query's words
 * weigh most.
 */
export function sectionScore(section: SearchSection, terms: readonly string[]): number {
  const title = section.title.toLowerCase();
  const inTitle = terms.filter((t) => title.includes(t)).length;
  const weight = (section.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
  return inTitle * 1e6 + weight;
}

/**
 * The dialog's lines for Pagefind's pages: the best pages first (rankPages), each flattened
 * into up to three of its sections, so Enter lands on the matching part.
 */
export function toHits(pages: readonly SearchPage[], query: string): SearchHit[] {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 2);
  const hits = rankPages(pages, query)
    .slice(0, SEARCH_SHOWN_PAGES)
    .flatMap((page) => {
      const title = page.meta.title ?? page.url;
      const subs = (page.sub_results ?? [])
        .filter((s) => s.url !== page.url)
        .map((s) => ({ s, score: sectionScore(s, terms) }))
        .sort((a, b) => b.score - a.score)
        .map(({ s }) => s)
        .slice(0, 3);
      if (subs.length === 0)
        return [
          { id: page.url, url: page.url, page: title, heading: title, excerpt: page.excerpt },
        ];
      return subs.map((s) => ({
        id: s.url,
        url: s.url,
        page: title,
        heading: s.title,
        excerpt: s.excerpt,
      }));
    });
  return hits.slice(0, SEARCH_SHOWN_HITS);
}

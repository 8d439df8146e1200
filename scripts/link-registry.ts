// `npm run links:check` (run by `npm run build`) and `npm run links:update`: the registry
// of published link targets in content/link-registry.json. Every heading anchor, self-check
// id and widget URL parameter the guide has published stays reachable: the check fails
// when one disappears without a redirect. After renaming headings, run the update: it
// records the new anchors and redirects each vanished anchor to the one that took its
// place on the page; give any it cannot pair with --redirect '/page/#old=/page/#new'.
// `--published-at <commit>` adds what the site published at an older commit (its MDX read
// with git), for links that went out before the registry existed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { LINK_REGISTRY_FILE, currentLinkTargets, linkTargetsOf } from '../content/link-targets';
import {
  checkRegistry,
  recordPublished,
  updateRegistry,
  type LinkRegistry,
} from '../lib/content/link-registry';

const { values } = parseArgs({
  options: {
    update: { type: 'boolean', default: false },
    redirect: { type: 'string', multiple: true, default: [] },
    'published-at': { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: tsx scripts/link-registry.ts [--update] [--redirect /page/#old=/page/#new …]
  (no option)  check that every registered link target still exists or redirects
  --update     record the current targets; vanished anchors become redirects
  --redirect   say where a vanished anchor went (with --update)
  --published-at COMMIT
               also record what the site published at COMMIT (with --update): its
               headings and self-checks, read from that commit's MDX with git`);
  process.exit(0);
}

function load(): LinkRegistry {
  try {
    const raw = JSON.parse(readFileSync(LINK_REGISTRY_FILE, 'utf8')) as Partial<LinkRegistry>;
    return { pages: raw.pages ?? {}, redirects: raw.redirects ?? {}, widgets: raw.widgets ?? {} };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { pages: {}, redirects: {}, widgets: {} };
    throw error;
  }
}

let registry = load();
const { snapshot } = currentLinkTargets();

if (values.update) {
  for (const commit of values['published-at']) {
    const then = linkTargetsOf((file) =>
      execFileSync('git', ['show', `${commit}:content/${file}`], { encoding: 'utf8' }),
    );
    registry = recordPublished(registry, { ...then.snapshot, widgets: {} });
    console.log(`links: recorded the anchors published at ${commit}`);
  }
  const explicit: Record<string, string> = {};
  for (const pair of values.redirect) {
    const [from, to] = pair.split('=');
    if (!from?.includes('#') || !to) {
      console.error(`links: --redirect wants /page/#old=/page/#new, got ${JSON.stringify(pair)}`);
      process.exit(2);
    }
    explicit[from] = to;
  }
  const { registry: next, added, problems } = updateRegistry(registry, snapshot, explicit);
  const json = JSON.stringify({
    '//': 'Published link targets. Update with `npm run links:update`; never edit a redirect away.',
    ...next,
  });
  // Written as the format check wants it, so an update never fails `npm run check`.
  const options = (await prettier.resolveConfig(LINK_REGISTRY_FILE)) ?? {};
  writeFileSync(LINK_REGISTRY_FILE, await prettier.format(json, { ...options, parser: 'json' }));
  for (const [from, to] of Object.entries(added)) console.log(`links: redirect ${from} → ${to}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(`links: ${p.target}: ${p.message}`);
    console.error(
      "links: say where each went with --redirect '/page/#old=/page/#new' and run the update again.",
    );
    process.exit(1);
  }
  const anchors = Object.values(next.pages).reduce((n, a) => n + a.length, 0);
  console.log(
    `links: ${Object.keys(next.pages).length} pages, ${anchors} anchors, ${Object.keys(next.redirects).length} redirects, ${Object.keys(next.widgets).length} widgets recorded in ${LINK_REGISTRY_FILE}`,
  );
} else {
  const problems = checkRegistry(registry, snapshot);
  const unregistered = Object.entries(snapshot.pages).flatMap(([path, anchors]) =>
    anchors.filter((a) => !registry.pages[path]?.includes(a)).map((a) => `${path}#${a}`),
  );
  if (problems.length > 0) {
    for (const p of problems) console.error(`links: ${p.target}: ${p.message}`);
    console.error(
      'links: a published link would break. Restore it, or run `npm run links:update` to redirect it (see scripts/link-registry.ts).',
    );
    process.exit(1);
  }
  if (unregistered.length > 0)
    console.log(
      `links: ${unregistered.length} new anchors not yet registered (npm run links:update records them)`,
    );
  else console.log('links: every published link target is in place');
}

import { describe, expect, it } from 'vitest';
import {
  DIAGRAM_PARAMS,
  PRACTICE_TIMER_PARAMS,
  SKIP_LIST_PARAMS,
  SPEED_ROUND_PARAMS,
  choiceParam,
  intParam,
  parseParams,
  textParam,
} from '@/lib/leaderboard';
import {
  AUTOSIZE_MESSAGE,
  HOST_SCRIPT,
  RESIZE_MESSAGE,
  embedQuery,
  embedSnippet,
  embedUrl,
  parseEmbedTheme,
} from './embed-link';
import { MAX_SCRIPT_COMMANDS, parseConsoleScript } from './console-script';

const schema = {
  seed: intParam(0, 100, 7),
  preset: choiceParam(['', 'basics'] as const, ''),
  script: textParam(20),
};

describe('embed links', () => {
  it('write every parameter in schema order, leave out empty text, then the theme', () => {
    expect(embedQuery(schema, { seed: 3, preset: '', script: '' }, 'dark')).toBe(
      'seed=3&theme=dark',
    );
    expect(embedQuery(schema, { seed: 3, preset: 'basics', script: 'ZCARD a\nZCARD b' })).toBe(
      'seed=3&preset=basics&script=ZCARD+a%0AZCARD+b',
    );
    expect(embedUrl('https://x.org/lab/', 'console', 'seed=3')).toBe(
      'https://x.org/lab/embed/console/?seed=3',
    );
    expect(embedUrl('https://x.org', 'timer', '')).toBe('https://x.org/embed/timer/');
  });

  it('round-trip through the parser, text cut at its limit with a note', () => {
    const query = embedQuery(schema, { seed: 12, preset: 'basics', script: 'ZCARD lb' });
    expect(parseParams(schema, new URLSearchParams(query))).toEqual({
      values: { seed: 12, preset: 'basics', script: 'ZCARD lb' },
      notes: [],
    });
    const long = parseParams(schema, { script: 'x'.repeat(25) });
    expect(long.values.script).toHaveLength(20);
    expect(long.notes).toEqual(['script is 25 characters long: using the first 20']);
  });

  it('accept only the three themes', () => {
    expect(parseEmbedTheme('dark')).toBe('dark');
    expect(parseEmbedTheme('system')).toBe('system');
    expect(parseEmbedTheme('Dark')).toBeUndefined();
    expect(parseEmbedTheme(null)).toBeUndefined();
  });

  it('give a snippet with an escaped iframe and the host script that answers the resize message', () => {
    const snippet = embedSnippet('https://x.org/embed/a/?q="1"&b=2', 'A <b> widget', 480);
    expect(snippet).toMatch(
      /^<iframe src="https:\/\/x\.org\/embed\/a\/\?q=%221%22&b=2" title="A &lt;b> widget" width="100%" height="480" [^>]*sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" allow="clipboard-write"><\/iframe>\n<script>/,
    );
    expect(HOST_SCRIPT).toContain(`'${RESIZE_MESSAGE}'`);
    expect(HOST_SCRIPT).toContain(`'${AUTOSIZE_MESSAGE}'`);
  });

  it('give a host script that sizes only the iframe the message came from', () => {
    // Run the script against a fake page with two iframes.
    const a = {
      contentWindow: { postMessage: (m: unknown) => answers.push(['a', m]) },
      style: { height: '' },
    };
    const b = {
      contentWindow: { postMessage: (m: unknown) => answers.push(['b', m]) },
      style: { height: '' },
    };
    const answers: unknown[] = [];
    let listener: (e: { data: unknown; source: unknown }) => void = () => {};
    const window = { addEventListener: (_: string, f: typeof listener) => (listener = f) };
    const document = { getElementsByTagName: () => [a, b] };
    const body = HOST_SCRIPT.replace(/^<script>|<\/script>$/g, '');
    new Function('window', 'document', body)(window, document);
    listener({ data: { type: RESIZE_MESSAGE, height: 512 }, source: b.contentWindow });
    listener({ data: { type: RESIZE_MESSAGE, height: 10 ** 6 }, source: a.contentWindow });
    listener({ data: { type: 'other', height: 5 }, source: a.contentWindow });
    listener({ data: { type: RESIZE_MESSAGE, height: '5' }, source: a.contentWindow });
    expect(b.style.height).toBe('512px');
    expect(a.style.height).toBe('6000px');
    expect(answers).toEqual([
      ['b', { type: AUTOSIZE_MESSAGE }],
      ['a', { type: AUTOSIZE_MESSAGE }],
    ]);
  });
});

describe("the embeds' parameters", () => {
  it('clamp each out-of-range value to its bound, with a note naming it', () => {
    expect(parseParams(SKIP_LIST_PARAMS, { seed: '3', members: '9999' })).toEqual({
      values: { seed: 3, members: 128 },
      notes: ['members 9999 is above 128: using 128'],
    });
    expect(parseParams(SPEED_ROUND_PARAMS, { seconds: '5', roundSize: '2.6' })).toEqual({
      values: { seconds: 10, roundSize: 3 },
      notes: ['seconds 5 is below 10: using 10', 'roundSize 2.6 is not a whole number: using 3'],
    });
    expect(parseParams(DIAGRAM_PARAMS, { stage: 'two' })).toEqual({
      values: { stage: 1, seed: 7 },
      notes: ['stage "two" is not a number: using 1'],
    });
  });

  it('start from the defaults when the link says nothing, and name what they ignore', () => {
    expect(parseParams(SKIP_LIST_PARAMS, {}).notes).toEqual([]);
    expect(parseParams(PRACTICE_TIMER_PARAMS, { minutes: '30' })).toEqual({
      values: {},
      notes: ['unknown parameter "minutes" ignored'],
    });
  });

  it('never write a clamped value back into a link as given', () => {
    const parsed = parseParams(SKIP_LIST_PARAMS, { members: '-4' });
    expect(embedQuery(SKIP_LIST_PARAMS, parsed.values, 'light')).toBe(
      'seed=3&members=2&theme=light',
    );
  });
});

describe('console scripts from a link', () => {
  it('keep one command per line, leaving out blanks, comments and CLEAR with a note', () => {
    expect(
      parseConsoleScript('ZADD lb 1 a\r\n\n# a comment\n  ZCARD lb  \nclear\n', 'the link'),
    ).toEqual({
      title: 'the link',
      commands: ['ZADD lb 1 a', 'ZCARD lb'],
      notes: ['CLEAR is left out: it would hide the script.'],
    });
  });

  it(`run at most ${MAX_SCRIPT_COMMANDS} commands and say how many were left out`, () => {
    const text = Array.from({ length: 205 }, (_, i) => `ZADD lb ${i} m${i}`).join('\n');
    const script = parseConsoleScript(text, 'x');
    expect(script.commands).toHaveLength(MAX_SCRIPT_COMMANDS);
    expect(script.commands.at(-1)).toBe('ZADD lb 199 m199');
    expect(script.notes).toEqual(['Only the first 200 commands run; 5 more are left out.']);
    expect(parseConsoleScript('', 'x').commands).toEqual([]);
  });
});

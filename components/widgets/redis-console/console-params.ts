import {
  choiceParam,
  intParam,
  textParam,
  type ParamSchema,
} from '@/lib/leaderboard/playground-params';
import { consolePresets } from '@/content/console-presets';

/**
 * The console's URL parameters (its embed reads them): `seed` for the Load example
 * buttons, and a script to run when it opens, as lines (`script`) or a named preset of the
 * guide's sessions (`preset`); both given, the preset runs first. 4,000 characters of
 * script fit in any browser's address bar once encoded.
 */
export const CONSOLE_PARAMS = {
  seed: intParam(0, 2 ** 31 - 1, 7),
  preset: choiceParam(['', ...consolePresets.map((p) => p.name)], ''),
  script: textParam(4000),
} satisfies ParamSchema;

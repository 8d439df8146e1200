import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'out/',
      'out-lab/',
      'next-env.d.ts',
      'public/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    // components/ and app/ reach lib/leaderboard and lib/flow through their public entry
    // points only: what a model keeps to itself can change without touching a widget.
    // lib/leaderboard has two: the index, and playground-params for the URL schemas alone.
    // A widget that runs in the browser takes its schema from the second: a value imported
    // from the index brings every model into the page's chunk (the bundler keeps the whole
    // barrel), about 300 ms of script on a phone before the widget can answer a tap.
    files: ['components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'mdx-components.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/lib/leaderboard/*',
                '!@/lib/leaderboard/playground-params',
                '@/lib/flow/*',
                '**/lib/leaderboard/*',
                '!**/lib/leaderboard/playground-params',
                '**/lib/flow/*',
              ],
              message:
                'Import from a public entry point (@/lib/leaderboard, @/lib/leaderboard/playground-params or @/lib/flow), not a file behind it.',
            },
          ],
        },
      ],
    },
  },
  {
    // lib/ is the pure core: no React, no Next, no DOM drawing libraries.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'lib/ is pure TypeScript: no React.',
            },
            { group: ['next', 'next/*'], message: 'lib/ is pure TypeScript: no Next.js.' },
            {
              group: ['@xyflow/*', 'reactflow'],
              message: 'lib/ must not import a drawing library.',
            },
            {
              group: ['@/components/*', '@/app/*', '@/content/*'],
              message: 'Data flows content → components → lib, never back.',
            },
          ],
        },
      ],
    },
  },
);

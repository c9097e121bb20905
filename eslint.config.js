import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers' guard rails (docs/architecture.md): which layer may import which. Relative imports are matched as
 * written, so each pattern names the folder reached by climbing out of the layer (`../../data/…`).
 */
const fromLayer = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message,
});

/**
 * src/server and src/cli reach a data domain through its index.ts (docs/architecture.md). The exceptions are the
 * document writers (PDF, XLSX, DOCX), which stay out of the indexes so that loading a domain does not load them.
 */
const throughDataIndex = {
  regex: '^(\\.\\./)+data/[^/]+/(?!index\\.ts$|documentFile\\.ts$|dossier\\.ts$|reportFile\\.ts$)',
  message: "Import a data domain through its index.ts (the document writers excepted).",
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  // The rules of hooks and the React Compiler's checks (stale effects, state set in effects, refs read in render).
  { files: ['web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    // Type-aware: a promise nobody awaits loses its error (and, in a request, outlives the response).
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/analysis/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(node:|(${builtinModules.join('|')})(/|$))`,
              message: 'src/analysis is pure computation: no files, network or processes.',
            },
            { group: ['@duckdb/*'], message: 'src/analysis is pure computation: SQL lives in src/data.' },
            fromLayer(
              ['data', 'server', 'cli'],
              'src/analysis imports nothing from src/data, src/server or src/cli.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [fromLayer(['server', 'cli'], 'src/data imports nothing from src/server or src/cli.')] },
      ],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            fromLayer(['cli'], 'src/server imports nothing from src/cli: both call src/data.'),
            throughDataIndex,
          ],
        },
      ],
    },
  },
  {
    // Route files: typed plugins (no casts of the request), no SQL (stores own it: src/data), no route file
    // importing another (a folder's index.ts registers its resources; its schemas.ts is shared).
    files: ['src/server/routes/**/*.ts'],
    ignores: ['src/server/routes/**/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TSAsExpression > MemberExpression[object.name='request'][property.name=/^(params|query|body)$/]",
          message: 'Type the route with its TypeBox schema (FastifyPluginAsyncTypebox) instead of a cast.',
        },
        {
          selector: String.raw`Literal[value=/\b(SELECT\s.+\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET)\b/i]`,
          message: 'No SQL in route files: a store in src/data owns the query.',
        },
        {
          selector: String.raw`TemplateElement[value.raw=/\b(SELECT\s.+\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET)\b/i]`,
          message: 'No SQL in route files: a store in src/data owns the query.',
        },
      ],
    },
  },
  {
    files: ['src/server/routes/*.ts'],
    ignores: ['src/server/routes/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\./', message: 'A route file imports no other route file.' },
            fromLayer(['cli'], 'src/server imports nothing from src/cli: both call src/data.'),
            throughDataIndex,
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/routes/*/*.ts'],
    ignores: ['src/server/routes/*/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!\\.\\./)', message: 'A route file imports no other route file.' },
            { regex: '^\\./(?!schemas\\.ts$)', message: 'A route file imports no other route file but its schemas.ts.' },
            fromLayer(['cli'], 'src/server imports nothing from src/cli: both call src/data.'),
            throughDataIndex,
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughDataIndex] }] },
  },
  {
    files: ['web/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./){2,}src(/|$)',
              message:
                'The web app talks to the server over HTTP only; its types come from web/src/api/schema.ts.',
            },
          ],
        },
      ],
    },
  },
);

// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'eslint.config.js',
      // Generated from the OpenAPI document (npm run api:types).
      'src/console/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/require-await': 'off',
      // Values typed `any` stop at the boundary everywhere: rows are checked in src/database/rows.ts,
      // tests read answers and rows through test/harness/api-body.ts and test/harness/sql.ts.
    },
  },
  {
    // Plain JavaScript loaded into built processes (test/bench/api-monitor.mjs): no types to check.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The Thai core is pure (architecture.md invariant 5): no framework, database or I/O.
    files: ['src/thai/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                'pg',
                'bullmq',
                'ioredis',
                'fs',
                'node:*',
                'fs/*',
                'http',
                'https',
                'net',
                'child_process',
                'src/modules/*',
                'src/database/*',
                'src/config/*',
              ],
              message: 'src/thai is pure: no framework, database or I/O imports.',
            },
          ],
        },
      ],
    },
  },
);

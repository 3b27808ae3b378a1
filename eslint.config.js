import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeAndElectron = [
  'electron',
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'e2e-output/**',
      'playwright-report/**',
      '.tools/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule serves the React Compiler, which the project does not use; it flags
      // TanStack Virtual, whose API is fine without the compiler.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeAndElectron, message: 'The renderer runs in a browser sandbox.' },
            {
              group: ['**/src-main/**', '@aws-sdk/*'],
              message: 'Call the main process through the API client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeAndElectron, 'react', 'react-dom'],
              message: 'src-shared runs in every process.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '@aws-sdk/*'],
              message: 'src-shared imports nothing of the app.',
            },
          ],
        },
      ],
    },
  },
);

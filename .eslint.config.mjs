import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The core runs in plain Node: no Electron, no React, nothing of the renderer.
const coreBoundaries = [
  { group: ['electron', 'electron/*'], message: 'src/ is the core and never imports electron.' },
  { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'src/ never imports UI code.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'src/ never reaches into the shells.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: coreBoundaries,
        },
      ],
    },
  },
  {
    // Only the directory layer speaks LDAP.
    files: ['src/**/*.ts'],
    ignores: ['src/directory/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'ldapts', message: 'Only src/directory/ speaks LDAP.' }],
          patterns: coreBoundaries,
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!api/(contract|schemas)$)',
              message: 'The renderer talks to the core only through window.warden (types from the contract).',
            },
          ],
        },
      ],
    },
  },
);

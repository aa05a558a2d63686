import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'contracts/generated/**', 'remote-window/public/vendor/**', 'remote-window/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in gateway/src/config.ts only.' }],
    },
  },
  {
    files: ['gateway/web/**/*.js', 'remote-window/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['gateway/src/config.ts', 'gateway/src/main.ts', 'scripts/**', 'tests/**', 'partners/*/main.ts', 'partners/_kit/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'contracts/generated/**', 'remote-window/public/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in gateway/src/config.ts only.' }],
    },
  },
  {
    files: ['gateway/src/config.ts', 'scripts/**', 'tests/**', 'partners/*/main.ts', 'partners/_kit/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);

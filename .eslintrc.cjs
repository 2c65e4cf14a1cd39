/**
 * Lint rules, including the architecture's import boundaries:
 * - src/domain is pure: no Taro, CloudBase, WeChat SDK, React or Node built-ins;
 * - the mini program (src) never imports function code;
 * - cloud function code never reaches the local-only host or the embedded database.
 */
const platformPackages = ['@tarojs/*', '@cloudbase/*', 'wx-server-sdk', 'react', 'react-dom', '@nutui/*', 'node:*', 'libsql'];

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react-hooks'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  env: { es2022: true, node: true, browser: true },
  ignorePatterns: ['dist/', 'node_modules/', '.tmp/', '.data/', 'cloudfunctions/*/index.js', 'coverage/', '*.config.js', 'babel.config.js'],
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/no-explicit-any': 'off',
    '@typescript-eslint/no-non-null-assertion': 'off',
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'warn',
  },
  overrides: [
    {
      files: ['src/domain/**/*.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ group: platformPackages, message: 'src/domain is pure TypeScript shared by client and functions.' }, { group: ['**/platform/**', '**/pages/**', '**/cloudfunctions/**'], message: 'domain must not depend on outer layers' }] }] },
    },
    {
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      excludedFiles: ['src/domain/**'],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/cloudfunctions/**', 'libsql', '@cloudbase/*'], message: 'the mini program talks to functions only through src/platform/api' }] }] },
    },
    {
      files: ['cloudfunctions/**/*.ts'],
      excludedFiles: ['cloudfunctions/_local/**', 'cloudfunctions/_runtime/storage/sqlite*.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/_local/**', 'libsql', '**/storage/sqlite'], message: 'cloud code must not reach the local host or the embedded database' }, { group: ['@tarojs/*', 'react'], message: 'functions do not use client packages' }] }] },
    },
    { files: ['tests/**/*.ts', 'tests/**/*.tsx', 'scripts/**/*.ts'], env: { jest: true }, rules: { '@typescript-eslint/no-var-requires': 'off', '@typescript-eslint/no-require-imports': 'off' } },
  ],
};

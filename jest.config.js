/** Unit, function and contract tests (node). Weapp page tests: jest.weapp.config.js; browser e2e: tests/e2e. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020' } }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/tests/weapp/', '<rootDir>/tests/bundle/', '<rootDir>/.tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/dist/'],
  testTimeout: 20000,
};

/** Browser end-to-end tests: the H5 build (dist/h5) on an in-process local host, driven in Debian's Chromium. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } }] },
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 90000,
  maxWorkers: 1,
};

/**
 * Jest config for the weapp layer (tests/weapp): pages of the BUILT mini program (dist) loaded into
 * WeChat's miniprogram-simulate, and miniprogram-ci's offline code-quality scan.
 * Build first, e.g. `WZB_OUTPUT_ROOT=.tmp/harness-weapp NODE_ENV=production npx taro build --type weapp`,
 * then `WZB_WEAPP_DIR=.tmp/harness-weapp npx jest -c jest.weapp.config.js`.
 * The main jest.config.js must not pick these up (they need a build and run slowly).
 */
module.exports = {
  rootDir: __dirname,
  // Page tests switch to jsdom with a docblock (miniprogram-simulate renders into a DOM);
  // the quality scan runs in plain node.
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/weapp'],
  testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } },
    ],
  },
  // The built dist JS and node_modules run as they are.
  transformIgnorePatterns: ['/node_modules/', '/dist/', '/\\.tmp/'],
  testTimeout: 120000,
  maxWorkers: 1,
};

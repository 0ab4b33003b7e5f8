/**
 * Failure tests on a local three-broker cluster with two instances of every service
 * (`npm run test:cluster`); not part of `npm test`: they take a quarter of an hour alone.
 */
const base = require('./jest.config.js').projects.find((p) => p.displayName === 'integration');

module.exports = {
  ...base,
  displayName: 'cluster',
  testRegex: '\\.cluster-spec\\.ts$',
  testTimeout: 10 * 60_000,
  globalSetup: '<rootDir>/test/cluster/global-setup.ts',
  globalTeardown: '<rootDir>/test/cluster/global-teardown.ts',
  reporters: ['default'],
};

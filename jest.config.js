/** Unit tests sit beside the code; integration tests in test/ run against the real stack. */
const moduleNameMapper = {
  '^@intensify/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@intensify/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  // Pages import the shared modules by the address the gateway serves them at.
  '^/common/assets/(.*)$': '<rootDir>/apps/gateway/public/common/$1',
};
const transform = { '^.+\\.ts$': ['ts-jest', { transpilation: true }] };
// Pages are browser ES modules served as they are; their pure modules are unit-tested too.
const pageTransform = {
  '^.+/public/.+\\.js$': '<rootDir>/test/support/page-module-transform.js',
};

module.exports = {
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/infra'],
      testRegex: '\\.spec\\.ts$',
      moduleNameMapper,
      transform: { ...transform, ...pageTransform },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testRegex: '\\.e2e-spec\\.ts$',
      moduleNameMapper,
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      maxWorkers: 1,
    },
  ],
};

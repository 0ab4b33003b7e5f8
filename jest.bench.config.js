/** Benchmarks (`npm run bench`): the integration set-up, but timings recorded, not asserted. */
const base = require('./jest.config.js').projects.find((p) => p.displayName === 'integration');

module.exports = {
  ...base,
  displayName: 'bench',
  testRegex: '\\.bench\\.ts$',
  testTimeout: 30 * 60_000,
  reporters: ['default'],
};

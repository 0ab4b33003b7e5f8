/**
 * Prints one plain closing line, "N passed, N failed, N skipped", which CI reads as the
 * test count (Jest's own summary is in another form).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    const suitesFailed = results.numRuntimeErrorTestSuites;
    // A suite that failed to load ran no test; count it as a failure so the line cannot look green.
    const broken = failed === 0 ? suitesFailed : 0;
    if (broken) process.stdout.write(`\n${broken} test suite(s) failed to run\n`);
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed + broken} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;

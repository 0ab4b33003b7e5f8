// CPU profiles of the services during a benchmark, for finding where the time goes:
//   NODE_OPTIONS="--require $PWD/test/bench/support/cpu-profile.js" PROF_DIR=/tmp/prof \
//     SKIP_BUILD=1 npx jest -c jest.bench.config.js test/bench/accept.bench.ts --runInBand
// then `touch /tmp/prof/on` when the measured stretch begins and `rm /tmp/prof/on` when it
// ends: each service writes <service>-<pid>-<ms>.cpuprofile (open in Chrome DevTools).
// A file switches it, not a signal: Nest's shutdown hooks take every signal, and `--cpu-prof`
// is refused in NODE_OPTIONS (and would profile start-up and warm-up too).
'use strict';
const service = (process.argv[1] || '').match(/dist\/apps\/([^/]+)\//)?.[1];
if (service) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const dir = process.env.PROF_DIR || '/tmp/prof';
  const session = new inspector.Session();
  session.connect();
  let on = false;
  const stop = () => {
    session.post('Profiler.stop', (err, res) => {
      if (!err)
        fs.writeFileSync(
          `${dir}/${service}-${process.pid}-${Date.now()}.cpuprofile`,
          JSON.stringify(res.profile),
        );
    });
    on = false;
  };
  setInterval(() => {
    const wanted = fs.existsSync(`${dir}/on`);
    if (wanted && !on) {
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      on = true;
    } else if (!wanted && on) stop();
  }, 100).unref();
  process.on('exit', () => on && stop());
}

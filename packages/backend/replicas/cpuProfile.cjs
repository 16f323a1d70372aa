/**
 * Opt-in CPU profiler for one replica (scripts/replicas.sh preloads it with
 * --require when REPLICAS_CPU_PROF=<dir> is set): the first SIGUSR2 starts
 * V8's sampling profiler in-process (node:inspector, no port opened), the
 * next one stops it and writes <dir>/replica-<pid>-<n>.cpuprofile (open it
 * in Chrome DevTools, or summarise it with profileSummary.ts). load.ts sends
 * the signals around each measured run, so a profile covers the run only.
 */
/* eslint-disable no-console */
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.REPLICA_CPU_PROF_DIR;
if (dir) {
  let session;
  let n = 0;
  process.on('SIGUSR2', () => {
    if (!session) {
      session = new inspector.Session();
      session.connect();
      session.post('Profiler.enable', () =>
        session.post('Profiler.start', () =>
          console.log(`cpuProfile: profiling pid ${process.pid}`),
        ),
      );
      return;
    }
    const s = session;
    session = undefined;
    s.post('Profiler.stop', (err, result) => {
      if (err) console.error('cpuProfile: stop failed', err);
      else {
        n += 1;
        const file = path.join(dir, `replica-${process.pid}-${n}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(result.profile));
        console.log(`cpuProfile: wrote ${file}`);
      }
      s.disconnect();
    });
  });
}

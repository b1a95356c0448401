/* global process */
/**
 * Preloaded with NODE_OPTIONS=--import by `BENCH_PROFILE=<dir> npm run
 * bench:tokens` (Node refuses --cpu-prof in NODE_OPTIONS): every Node process
 * of the app announces itself in <dir>, and SIGUSR2 starts, then stops and
 * writes, a V8 CPU profile, so only the measured run is profiled.
 */
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  fs.writeFileSync(path.join(dir, `pid-${process.pid}`), process.argv.slice(1).join(' '));
  let session = null;
  process.on('SIGUSR2', () => {
    if (!session) {
      session = new inspector.Session();
      session.connect();
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    const done = session;
    session = null;
    done.post('Profiler.stop', (error, result) => {
      if (!error) fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      done.disconnect();
    });
  });
}

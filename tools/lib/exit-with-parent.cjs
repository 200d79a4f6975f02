// Preloaded (`node -r`) into the API and the worker by tools/start.mjs: when `npm start` dies
// without stopping them (kill -9, a closed terminal), they get SIGTERM — and so shut down the
// way they normally do — instead of running on as orphans.
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid !== parent) {
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }
}, 1000);
timer.unref();

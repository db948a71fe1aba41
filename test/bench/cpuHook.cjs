// Preloaded (`node -r`) into the processes the bench times: on exit, writes the process's own CPU
// time and peak memory to file descriptor 3, which the bench opened as a pipe.
const { writeSync } = require('node:fs');

process.once('exit', () => {
  const cpu = process.cpuUsage();
  try {
    writeSync(3, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS }));
  } catch {
    // not started by the bench (no descriptor 3): nothing to report
  }
});

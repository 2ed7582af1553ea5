// How much CPU a measure used: the benchmark process's own (the server's thread, PGlite when it
// is the engine, and the load generator's thread when one runs), and how busy the machine's
// cores were in all (PostgreSQL's processes included), from /proc/stat. A throughput that stops
// growing while the cores are full is bound by the machine, not by a wait in the code.
import { readFileSync } from 'node:fs';

export interface CpuUse {
  /** CPU time of this process during the measure, in milliseconds. */
  processMs: number;
  /** Share of all cores busy during the measure (0 to 1), or null where /proc/stat is absent. */
  machineBusy: number | null;
}

/** Busy and total jiffies over all cores (idle and iowait count as idle). */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [label, ...fields] = line.trim().split(/\s+/);
    if (label !== 'cpu') return null;
    const ticks = fields.map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Starts counting; the function returned stops and gives the CPU used since. */
export function startCpuCount(): () => CpuUse {
  const process0 = process.cpuUsage();
  const machine0 = machineTicks();
  return () => {
    const used = process.cpuUsage(process0);
    const machine1 = machineTicks();
    const span = machine0 && machine1 ? machine1.total - machine0.total : 0;
    return {
      processMs: Math.round((used.user + used.system) / 1000),
      machineBusy:
        machine0 && machine1 && span > 0 ? Math.round(((machine1.busy - machine0.busy) / span) * 100) / 100 : null,
    };
  };
}

import { describe, expect, it } from 'vitest';
import { cpuNote } from './results';

describe('the CPU figures of a throughput in the table', () => {
  it('gives what the machine spent per unit and the rate it would reach at full cores', () => {
    // Half of two cores busy at 100 items/s: one core-second a second, 10 ms an item, 200/s at full.
    expect(cpuNote({ processMs: 500, machineBusy: 0.5, processMsPerItem: 5 }, 'item', 100, 2)).toBe(
      '; cores 50 % busy, benchmark process 5 ms CPU per item, machine 10 ms CPU per item (at full cores: 200/s)',
    );
  });

  it('adds the ceiling of the one thread when all of the work runs on it (PGlite)', () => {
    expect(cpuNote({ processMs: 8000, machineBusy: 0.52, processMsPerItem: 16 }, 'item', 62.5, 2, true)).toBe(
      '; cores 52 % busy, benchmark process 16 ms CPU per item, machine 16.6 ms CPU per item (at full cores: 120/s, one thread at full: 63/s)',
    );
  });

  it('gives the process’s own figure alone where the cores were not counted', () => {
    expect(cpuNote({ processMs: 1300, machineBusy: null, processMsPerRequest: 1.3 }, 'request', 1000, 2)).toBe(
      '; benchmark process 1.3 ms CPU per request',
    );
    expect(cpuNote(undefined, 'item', 100, 2)).toBe('');
  });
});

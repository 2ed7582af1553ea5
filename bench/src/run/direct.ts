// The same work without HTTP: the statement the route builds, run on the same database,
// one at a time, so "API / direct" shows what the application adds (auth, validation,
// presentation, serialisation).
import { type Latency, latencyOf } from './stats';

export interface DirectResult extends Latency {
  perSecond: number;
}

export async function timeDirect(work: (i: number) => Promise<unknown>, iterations: number): Promise<DirectResult> {
  await work(0); // the first call plans and warms the cache, as the HTTP warm-up does
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await work(i);
    times.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...latencyOf(times), perSecond: Math.round(iterations / seconds) };
}

// The load generator, on a thread of its own: the server under test keeps the main thread's
// event loop to itself (autocannon on the same loop would measure its own client too).
// Plain JavaScript: a worker thread does not inherit tsx's loader.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, paths, headers, connections, duration, amount } = workerData;
let next = 0;
const times = [];
const statuses = {};
const instance = autocannon({
  url,
  connections,
  ...(amount ? { amount } : { duration }),
  headers,
  // Each request its own path in turn (a hundred item ids, say), not the same row cached.
  requests: [
    {
      setupRequest: (request) => {
        request.path = paths[next++ % paths.length];
        return request;
      },
    },
  ],
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  times.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
instance.on('done', (result) => {
  parentPort.postMessage({
    times,
    statuses,
    // In a worker thread autocannon skips its aggregation: count the answers here.
    requests: times.length,
    seconds: result.duration,
    errors: result.errors + result.timeouts,
  });
});

// Preloaded into `parley serve` by the live-analysis benchmark (node --import): on SIGUSR2 the
// server's main thread reports its event-loop delay since the previous report (max and p99, ms) on
// stderr, then starts afresh. Delay includes time the thread waited for a core on a busy machine.
import process from 'node:process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns) => (ns / 1e6).toFixed(1);
    process.stderr.write(`loop-delay max=${ms(histogram.max)} p99=${ms(histogram.percentile(99))}\n`);
    histogram.reset();
  });
}

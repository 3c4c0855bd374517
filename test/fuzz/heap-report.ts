// Preloaded into the language server's process by the resilience test
// (node --expose-gc -r heap-report.js dist/server.js --stdio): on SIGUSR2 it
// collects garbage and writes the heap in use to stderr, so the test reads
// the server's heap after GC without any request the server does not have.
const collect = (globalThis as { gc?: () => void }).gc;
process.on('SIGUSR2', () => {
  collect?.();
  collect?.();
  process.stderr.write(`heap-used ${process.memoryUsage().heapUsed}\n`);
});
export {};

// The machine's own speed, measured beside the engine. On the shared machines this bench
// runs on, the same fixed arithmetic runs ~1.5× slower for stretches of a second or more
// (about a third of the time, no steal time reported): a median taken in such a stretch is
// slower for a reason outside the code. A small fixed kernel is timed before each timed
// engine run, so every engine median can be printed with how fast the machine was then.

const SIZE = 1 << 14;
const cells = new Float64Array(SIZE);

/** A fixed piece of arithmetic and memory traffic (~1 ms here); returns its time in ms. */
export function timeKernel(): number {
  const t = performance.now();
  let h = 0;
  for (let r = 0; r < 40; r++) {
    for (let i = 0; i < SIZE; i++) {
      cells[i] = cells[(i * 7) & (SIZE - 1)] * 0.5 + i;
      h = (h * 31 + i) | 0;
    }
  }
  if (h === 42) cells[0] = 0; // keep the loop's result alive
  return performance.now() - t;
}

let fastest = Infinity;

/** Times the kernel `n` times; returns the median and remembers the fastest time seen. */
export function sampleMachine(n: number): number {
  const ts: number[] = [];
  for (let i = 0; i < n; i++) ts.push(note(timeKernel()));
  ts.sort((a, b) => a - b);
  return ts[ts.length >> 1];
}

/** Records one kernel time (keeps the fastest). */
export function note(ms: number): number {
  if (ms < fastest) fastest = ms;
  return ms;
}

/** The fastest kernel time of this process so far: the machine at its best. */
export function fastestKernel(): number {
  return fastest;
}

/** How much slower than its best the machine was when the kernel took `kernelMs` (1.0 = its best). */
export function slowdownOf(kernelMs: number): number {
  return kernelMs / fastest;
}

import { benchCoreThroughput } from './core-throughput';

// Benchmarks print figures; they are not pass/fail tests. Targets come from the issues.
const core = benchCoreThroughput();
console.log(
  `core: ${core.filesPerSecond.toFixed(0)} files/s parsed + validated + written on one core ` +
    `(${core.files} files in ${core.seconds.toFixed(2)} s; target ≥ 2000 files/s)`,
);

import { benchApp } from './app-bench';
import { benchCoreThroughput } from './core-throughput';
import { benchFetching, printFetching } from './fetching';
import { benchHashing, printHashing } from './hashing';
import { benchSha256Engines, printSha256Engines } from './sha256-engines';

// Benchmarks print figures; they are not pass/fail tests. Targets come from the issues.
const only = new Set(process.argv.slice(2));
const wants = (name: string) => only.size === 0 || only.has(name);

if (wants('core')) {
  const core = benchCoreThroughput();
  console.log(
    `core: ${core.filesPerSecond.toFixed(0)} files/s parsed + validated + written on one core ` +
      `(${core.files} files in ${core.seconds.toFixed(2)} s; target ≥ 2000 files/s)`,
  );
}

if (wants('app')) {
  const app = await benchApp();
  console.log(`app: first contentful paint ${app.fcpMs.toFixed(0)} ms median of ${app.fcpRuns.length} (vite preview, cold; runs ${app.fcpRuns.map((x) => x.toFixed(0)).join(' ')}; target ≤ 350 ms)`);
  console.log(`app: editor ready (Form tab shown) ${app.readyMs.toFixed(0)} ms median (upper bound: measured after the fact)`);
  console.log(`app: initial JS ${(app.initialJs.bytes / 1024).toFixed(1)} KB gzip (${app.initialJs.files.length} files; Monaco is lazy; target ≤ 170 KB)`);
  console.log(`app: keystroke → YAML p95 ${app.keystroke.p95.toFixed(1)} ms, p50 ${app.keystroke.p50.toFixed(1)} ms (${app.keystroke.samples} keys, 20 installers × 10 locales; target ≤ 16 ms)`);
}

if (wants('hashing')) {
  printSha256Engines(await benchSha256Engines());
  printHashing(await benchHashing());
}

if (wants('fetching')) {
  const engines = await benchSha256Engines();
  printFetching(await benchFetching(), engines.wingsmith);
}

if (wants('robustness')) {
  // Loaded only when asked: the corpus module builds nothing until used, but pulls in the app's import path.
  const { benchRobustness, printRobustness } = await import('./robustness');
  printRobustness(await benchRobustness());
}

if (wants('faults')) {
  const { benchFaults, printFaults } = await import('./faults');
  printFaults(await benchFaults());
}

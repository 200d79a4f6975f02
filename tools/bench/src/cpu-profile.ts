/**
 * Where a process's main thread spent its time, from a V8 CPU profile (the PROFILE section of
 * docs/benchmarks.md). Profiles come from `BENCH_CPU_PROF=<dir> npm run bench -- --engines`
 * (stack.ts starts the API and the worker with --cpu-prof; one file per thread of each process, written
 * when it exits). V8 samples the main thread at intervals whether it runs or waits in a system call,
 * so the figures are time on the main thread, not CPU time (for that see the CPU column of ENGINES).
 *
 *   node -r @swc-node/register tools/bench/src/cpu-profile.ts <file.cpuprofile> [top] [fromSec] [toSec]
 *
 * fromSec/toSec: the window to count, in seconds since the process started (the measured part of a
 * run; `TIMELINE=1` prints the busy milliseconds of every second to find it).
 */
import fs from 'node:fs';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const group = (url: string) => {
  if (!url) return '(native/vm)';
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const r = /\/(apps|libs|workflows|tools)\/(.*?)\/src\//.exec(url);
  if (r) return `${r[1]}/${r[2]}`;
  return url.startsWith('node:') ? url : url.slice(-50);
};

export function summarize(p: CpuProfile, from = -Infinity, to = Infinity) {
  const frames = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const perSecond: number[] = [];
  let t = p.startTime;
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = Math.max(0, p.timeDeltas[i] ?? 0);
    t += p.timeDeltas[i] ?? 0;
    const frame = frames.get(p.samples[i])!;
    if (frame.functionName === '(idle)') continue;
    const sec = (t - p.startTime) / 1e6;
    perSecond[Math.floor(sec)] = (perSecond[Math.floor(sec)] ?? 0) + dt;
    if (sec < from || sec > to) continue;
    total += dt;
    const g = group(frame.url);
    byGroup.set(g, (byGroup.get(g) ?? 0) + dt);
    const k = `${frame.functionName || '(anonymous)'} ${g}:${frame.lineNumber}`;
    byFunction.set(k, (byFunction.get(k) ?? 0) + dt);
  }
  return { totalMs: total / 1000, byGroup, byFunction, perSecondMs: perSecond.map((x) => Math.round((x ?? 0) / 1000)) };
}

if (require.main === module) {
  const [file, top = '20', from, to] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile.ts <file.cpuprofile> [top] [fromSec] [toSec]');
  const s = summarize(JSON.parse(fs.readFileSync(file, 'utf8')), from ? Number(from) : undefined, to ? Number(to) : undefined);
  if (process.env.TIMELINE) console.log(`busy ms per second: ${s.perSecondMs.map((v, i) => `${i}:${v}`).join(' ')}`);
  const show = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(top))
      .forEach(([k, v]) => console.log(`${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / 1000 / s.totalMs).toFixed(1).padStart(5)} %  ${k}`));
  console.log(`main thread busy ${(s.totalMs / 1000).toFixed(2)} s`);
  console.log('--- by package / project');
  show(s.byGroup);
  console.log('--- by function');
  show(s.byFunction);
}

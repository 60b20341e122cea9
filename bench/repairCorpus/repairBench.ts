import { loadCorpus, repairProgram, type RepairResult } from '../../test/support/repairCorpus';
import { fixed as fmt, printTable } from '../table';
import { median } from '../timing';

/** Issue targets: share of the corpus fixed, and time per bug. */
const TARGET = { fixedShare: 0.6, medianMs: 60_000, maxMs: 300_000 };

/**
 * The offline fixer on the repair corpus, through the real engine and real runners, one program
 * at a time (each program's own screening uses the cores). `LOOPGAIN_CORPUS_FILTER` narrows it.
 */
export async function printRepairBench(): Promise<void> {
  const filter = process.env.LOOPGAIN_CORPUS_FILTER;
  const programs = loadCorpus((p) => !filter || p.name.includes(filter) || p.family === filter || p.language === filter);
  const results: RepairResult[] = [];
  for (const program of programs) {
    const r = await repairProgram(program);
    results.push(r);
    process.stderr.write(`  ${r.fixed ? (r.exact ? 'fixed (seeded edit)' : 'fixed (other patch)') : 'not fixed'}  ${program.language}/${program.name} [${program.family}] ${(r.wallMs / 1000).toFixed(1)}s${r.fixed ? '' : ` — ${r.status}: ${r.reason.slice(0, 120)}`}\n`);
  }
  const rows: (string | number)[][] = [];
  const groups = new Map<string, RepairResult[]>();
  for (const r of results) {
    for (const key of [`${r.program.language} · ${r.program.family}`, `${r.program.language} · ALL`, 'ALL']) groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const ordered = [...groups.keys()].sort((a, b) => (a === 'ALL' ? 1 : b === 'ALL' ? -1 : a.localeCompare(b)));
  for (const key of ordered) {
    const rs = groups.get(key) as RepairResult[];
    const fixed = rs.filter((r) => r.fixed);
    const firstPass = fixed.flatMap((r) => r.stats.slice(-1).map((s) => s));
    const times = rs.map((r) => r.wallMs).sort((a, b) => a - b);
    rows.push([
      key,
      rs.length,
      fixed.length,
      fixed.filter((r) => r.exact).length,
      fixed.filter((r) => !r.exact).length,
      rs.length - fixed.length,
      firstPass.length > 0 ? median(firstPass.map((s) => s.screened).sort((a, b) => a - b)) : '—',
      firstPass.length > 0 ? median(firstPass.map((s) => s.runsToFirstPass ?? s.testRuns).sort((a, b) => a - b)) : '—',
      fmt(median(times) / 1000, 1),
      fmt((times.at(-1) ?? 0) / 1000, 1),
      rs.reduce((n, r) => n + r.stats.reduce((m, s) => m + s.timeouts, 0), 0),
    ]);
  }
  const all = groups.get('ALL') ?? [];
  const share = all.filter((r) => r.fixed).length / Math.max(1, all.length);
  const times = all.map((r) => r.wallMs).sort((a, b) => a - b);
  const met = share >= TARGET.fixedShare && median(times) <= TARGET.medianMs && (times.at(-1) ?? 0) <= TARGET.maxMs;
  printTable(
    `Offline fixer on the repair corpus (${all.length} programs, real engine and runners, up to 4 iterations)`,
    ['language · family', 'bugs', 'fixed', 'seeded edit', 'other patch', 'not fixed', 'candidates¹', 'test runs¹', 'median s', 'max s', 'timeouts'],
    rows,
    `¹ median over fixed bugs, in the iteration that passed: candidates screened, and test runs until the first passing patch.\n` +
      `Target: ≥ 60% fixed, median ≤ 60 s, max ≤ 300 s per bug → ${(share * 100).toFixed(0)}% fixed, median ${fmt(median(times) / 1000, 1)} s, max ${fmt((times.at(-1) ?? 0) / 1000, 1)} s: ${met ? 'MET' : 'MISSED'}.`,
  );
}

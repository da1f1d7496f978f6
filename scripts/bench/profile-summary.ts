// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: by function and by package.
import fs from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  file: string;
  totalMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  byFunction: { name: string; where: string; ms: number; share: number }[];
};

/** node_modules/next/... → "next", node:internal → "node", our files → "moodwire". */
function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  if (url.startsWith('node:')) return 'node';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const inner = /\/compiled\/([^/]+)\//.exec(url.slice(url.lastIndexOf(m[1]!)));
    return inner ? `${m[1]} (${inner[1]})` : m[1]!;
  }
  if (/\/(\.next|next-run|next-build)\//.test(url)) return 'moodwire (bundled)';
  return 'moodwire';
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the delta to the next one.
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  const totalMs = [...self.values()].reduce((s, x) => s + x, 0);

  const packages = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = functionName === '(idle)' ? '(idle)' : packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    const name = functionName || '(anonymous)';
    const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(bench\/|\.next\/)/, '$1')}:${lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const share = (ms: number) => (totalMs ? ms / totalMs : 0);
  return {
    file,
    totalMs,
    byPackage: [...packages].map(([name, ms]) => ({ name, ms, share: share(ms) })).sort((a, b) => b.ms - a.ms),
    byFunction: [...functions.values()]
      .map((f) => ({ ...f, share: share(f.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

export function renderProfile(summary: ProfileSummary): string {
  const lines = [`CPU profile ${summary.file} (${(summary.totalMs / 1000).toFixed(1)} s sampled)`, '  self time by package:'];
  for (const p of summary.byPackage.slice(0, 10)) lines.push(`    ${(p.share * 100).toFixed(1).padStart(5)}%  ${p.name}`);
  lines.push('  self time by function:');
  for (const f of summary.byFunction) lines.push(`    ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}  ${f.where}`);
  return lines.join('\n');
}

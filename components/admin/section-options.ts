import type { SectionNode } from '@/db/queries/sections';

/** The section tree flattened for a <select>, children indented under their parent, in order. */
export function sectionOptions(all: SectionNode[], exclude?: Set<number>): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (parentId: number | null, depth: number, seen: Set<number>) => {
    for (const s of all.filter((x) => x.parentId === parentId)) {
      if (seen.has(s.id) || exclude?.has(s.id)) continue;
      seen.add(s.id);
      out.push({ value: String(s.id), label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${depth ? '› ' : ''}${s.name}` });
      walk(s.id, depth + 1, seen);
    }
  };
  walk(null, 0, new Set());
  return out;
}

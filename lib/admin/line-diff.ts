// Side-by-side comparison of two revisions' text, line by line (longest common subsequence). Pure.

export type DiffRow =
  { kind: 'same'; left: string; right: string } | { kind: 'changed'; left?: string; right?: string };

/** Past this many line pairs the middle of two texts is shown as one changed block, not matched line by line. */
const MAX_CELLS = 4_000_000;

export function diffLines(a: string, b: string): DiffRow[] {
  const left = a.split('\n');
  const right = b.split('\n');
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let endL = left.length;
  let endR = right.length;
  while (endL > start && endR > start && left[endL - 1] === right[endR - 1]) {
    endL--;
    endR--;
  }
  const rows: DiffRow[] = left.slice(0, start).map((line) => ({ kind: 'same', left: line, right: line }));
  const midL = left.slice(start, endL);
  const midR = right.slice(start, endR);
  rows.push(...(midL.length * midR.length > MAX_CELLS ? blockChange(midL, midR) : lcsRows(midL, midR)));
  for (let i = endL; i < left.length; i++) rows.push({ kind: 'same', left: left[i]!, right: left[i]! });
  return rows;
}

function blockChange(left: string[], right: string[]): DiffRow[] {
  const n = Math.max(left.length, right.length);
  return Array.from({ length: n }, (_, i) => ({ kind: 'changed' as const, left: left[i], right: right[i] }));
}

function lcsRows(left: string[], right: string[]): DiffRow[] {
  const n = left.length;
  const m = right.length;
  // lengths[i][j]: the longest common subsequence of left[i..] and right[j..]
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i]![j] =
        left[i] === right[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    rows.push(...blockChange(removed, added));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && left[i] === right[j]) {
      flush();
      rows.push({ kind: 'same', left: left[i]!, right: right[j]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) removed.push(left[i++]!);
    else added.push(right[j++]!);
  }
  flush();
  return rows;
}

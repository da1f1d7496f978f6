// Which Unicode code points a TrueType/OpenType font has a glyph for, read from its `cmap` table.
// Enough of the format for our two fonts and most others: subtables 4 (BMP) and 12 (all planes).

export function readCoveredCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = findTable(view, 'cmap');
  if (cmap === undefined) throw new Error('Font has no cmap table');
  const subtables = view.getUint16(cmap + 2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format === 4)) best = { offset, format };
  }
  if (!best) throw new Error('Font has no Unicode cmap subtable');
  return best.format === 12 ? readFormat12(view, best.offset) : readFormat4(view, best.offset);
}

function findTable(view: DataView, tag: string): number | undefined {
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    if (name === tag) return view.getUint32(record + 8);
  }
  return undefined;
}

function readFormat4(view: DataView, table: number): Set<number> {
  const covered = new Set<number>();
  const segments = view.getUint16(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff;
      } else {
        const at = rangeOffsetAt + rangeOffset + (c - start) * 2;
        if (at + 2 > view.byteLength) continue;
        const raw = view.getUint16(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(c);
    }
  }
  return covered;
}

function readFormat12(view: DataView, table: number): Set<number> {
  const covered = new Set<number>();
  const groups = view.getUint32(table + 12);
  for (let g = 0; g < groups; g++) {
    const group = table + 16 + g * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const firstGlyph = view.getUint32(group + 8);
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) covered.add(c);
  }
  return covered;
}

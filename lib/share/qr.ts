// QR codes drawn as one SVG path, on the server, from the `qrcode` package's module matrix.
import QRCode from 'qrcode';

export type QrSymbol = {
  /** modules per side, including the quiet zone */
  size: number;
  /** SVG path to stroke 1 unit wide: one horizontal line along the middle of each run of dark modules */
  path: string;
};

/** Four modules of light margin all round, as the QR specification asks, so any phone can read it. */
const QUIET_ZONE = 4;

export function qrSymbol(text: string): QrSymbol {
  // Medium error correction: survives a smudged screen or a glare spot, and keeps URLs small.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}.5h${col - start}`);
    }
  }
  return { size: modules.size + QUIET_ZONE * 2, path: parts.join('') };
}

// QR codes drawn as one SVG path, on the server, from the `qrcode` package's module matrix.
import QRCode from 'qrcode';

export type QrSymbol = {
  /** modules per side, including the quiet zone */
  size: number;
  /** SVG path of the dark modules, one rectangle per horizontal run, in module units */
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
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: modules.size + QUIET_ZONE * 2, path: parts.join('') };
}

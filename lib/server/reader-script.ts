// Bundles lib/client/reader.ts into public/reader.js (decision 016). next.config.ts calls this whenever
// Next builds or runs in development, so every way of building (npm start, npm test, the benchmark, a
// plain `next build`) writes the script next to the pages that load it. A small file, minified, for the
// browsers Next itself supports.
import path from 'node:path';
import { READER_SCRIPT_PATH } from './reader-script-path';

export async function buildReaderScript(root = process.cwd()): Promise<void> {
  // Loaded here only: the server that serves requests (it evaluates next.config too) never needs it.
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'lib/client/reader.ts')],
    outfile: path.join(root, 'public', READER_SCRIPT_PATH),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
    legalComments: 'none',
    logLevel: 'error',
  });
}

// npm run import -- wordpress export.xml [--uploads DIR] [--dry-run]
// npm run import -- ghost export.json [--uploads DIR] [--dry-run]
// Brings a WordPress or Ghost site's posts, categories, tags, authors and featured images into the
// configured database (DATABASE_URL, else DATABASE_PATH), with the old addresses answering 301.
// Exit codes: 0 done, 1 the file or the folder could not be used (a message, no stack trace), 2 usage.
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { closeEngine, getEngine } from '../db/engine';
import { formatReport } from '../lib/import/report';
import { importBundle } from '../lib/import/run';
import { ImportFileError, type SourceBundle } from '../lib/import/types';
import { readGhost } from '../lib/import/ghost';
import { readWordPress } from '../lib/import/wordpress';

const USAGE = `Usage:
  npm run import -- wordpress <export.xml> [--uploads <wp-content/uploads folder>] [--dry-run]
  npm run import -- ghost <export.json> [--uploads <content/images folder>] [--dry-run]

Posts become stories (drafts stay drafts), categories sections (Ghost: each post's primary tag),
tags tags, authors author pages; featured images are read from the uploads folder. The old site's
addresses answer 301 at the new ones. Running it again updates what changed and duplicates nothing.
--dry-run reads everything and prints the report without writing. The database is DATABASE_URL
(postgres://…) when set, else DATABASE_PATH (default data/moodwire.db).`;

/** Exports larger than this are refused before they are read into memory. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

async function readExport(system: 'wordpress' | 'ghost', file: string): Promise<SourceBundle> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) throw new ImportFileError(`There is no file at ${file}.`);
  if (!stat.isFile()) throw new ImportFileError(`${file} is not a file.`);
  if (stat.size === 0) throw new ImportFileError(`${file} is empty.`);
  if (stat.size > MAX_FILE_BYTES) throw new ImportFileError(`${file} is larger than 512 MB; split the export.`);
  const text = (await fs.readFile(file)).toString('utf8').replace(/^\uFEFF/, '');
  return system === 'wordpress' ? readWordPress(text) : readGhost(text);
}

async function main(): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      allowPositionals: true;
      options: { uploads: { type: 'string' }; 'dry-run': { type: 'boolean' } };
    }>
  >;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { uploads: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [system, file, ...extra] = parsed.positionals;
  if ((system !== 'wordpress' && system !== 'ghost') || !file || extra.length) {
    console.error(USAGE);
    return 2;
  }
  const uploads = parsed.values.uploads;
  try {
    if (uploads !== undefined) {
      const stat = await fs.stat(uploads).catch(() => undefined);
      if (!stat?.isDirectory())
        throw new ImportFileError(`The uploads folder ${uploads} does not exist or is not a folder.`);
    }
    const bundle = await readExport(system, file);
    await getEngine().migrate();
    const report = await importBundle(bundle, { uploads, dryRun: parsed.values['dry-run'] === true });
    console.log(formatReport(report));
    if (!report.dryRun)
      console.log(
        '\nNew stories are at their addresses at once; cached pages (home, sections, stories that changed) catch up within five minutes.',
      );
    return 0;
  } catch (error) {
    if (error instanceof ImportFileError) {
      console.error(`Cannot import ${file}: ${error.message}\nNothing was written.`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `The import stopped: ${message}\nWhat was imported before this point is kept; run the command again to finish.`,
    );
    return 1;
  } finally {
    await closeEngine();
  }
}

main().then((code) => process.exit(code));

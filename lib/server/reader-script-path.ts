/** Where the reader pages' script is served (public/reader.js, built by lib/server/reader-script.ts). */
export const READER_SCRIPT_PATH = '/reader.js';

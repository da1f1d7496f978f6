// /reader.js: the only script of the reader pages (decision 016). Reader pages are sent without Next's
// client runtime; what needs a script on them (the mood vote, the share bar, the read count) is
// enhanced here, in plain DOM code, on the markup the server drew. Everything works without it. Bundled
// by esbuild when Next builds (lib/server/reader-script.ts); it runs after the document is parsed (defer).
import { reportRead } from '@/lib/reads/read-beacon';
import { enhanceMoodVote } from '@/lib/votes/vote-in-place';
import { enhanceShareBar } from '@/lib/share/share-in-page';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-mood-vote]')) enhanceMoodVote(form);
enhanceShareBar(document);
reportRead(document);

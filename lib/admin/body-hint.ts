// What the editor's body field says about the text's rules (lib/markdown.ts): one place, shown under
// the story body and the static pages' text. Decision 037 says why a single line break is kept.
export const BODY_HINT =
  'Leave an empty line between paragraphs; a single line break is kept as a new line (for addresses and poems). ' +
  'Straight quotes become “curly” ones, except in `code`. ## for a subheading, **bold**, *italic*, ' +
  '[link](https://…), > quote, - list.';

'use client';

import { useEffect, useRef, useState } from 'react';
import { reportShare } from './report-share';
import { SHARE_PILL, ShareIcon } from './share-icons';

const CONFIRM_MS = 3000;

/**
 * Copies the story's canonical URL. Hidden when scripting is off, where the share bar shows a
 * selectable URL field instead (in <noscript>). If the browser refuses to copy (no clipboard access,
 * e.g. a plain-http site), the field appears, selected, so the reader can copy it by hand.
 */
export function CopyLinkButton({ url, slug }: { url: string; slug: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (state === 'manual') field.current?.select();
  }, [state]);

  async function copy() {
    const ok = await writeClipboard(url);
    if (!ok) {
      setState('manual');
      return;
    }
    setState('copied');
    reportShare(slug, 'copy');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), CONFIRM_MS);
  }

  return (
    <>
      <button type="button" onClick={copy} className={`${SHARE_PILL} min-w-36 noscript:hidden`}>
        <ShareIcon name={state === 'copied' ? 'copied' : 'copy'} />
        {state === 'copied' ? 'Link copied' : 'Copy link'}
      </button>
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Link copied' : ''}
      </span>
      {state === 'manual' ? (
        <label className="mt-2 block text-sm">
          <span className="text-muted">Copy this link:</span>
          <input
            ref={field}
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 block w-80 max-w-full rounded border border-rule bg-paper px-2 py-1 font-mono text-xs"
          />
        </label>
      ) : null}
    </>
  );
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers and insecure origins: the legacy copy command still works from a click.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

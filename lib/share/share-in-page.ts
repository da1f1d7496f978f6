// The share bar's controls that need a script (components/share): copy link, the phone's share sheet
// and the WeChat QR popover. Part of /reader.js (lib/client/reader.ts). Shares that never leave the
// page are reported to /api/share.
import type { ReportedNetwork } from '@/lib/domain/share-networks';

const CONFIRM_MS = 3000;

/** Tells the server about a share that did not go through a /share/ link. A lost report never bothers the reader. */
function reportShare(slug: string, network: ReportedNetwork): void {
  fetch('/api/share', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ slug, network }),
    credentials: 'same-origin',
    // The reader may leave the page right after sharing; keepalive lets the report finish.
    keepalive: true,
  }).catch(() => {});
}
const inWeChatBrowser = () => /MicroMessenger/i.test(navigator.userAgent);

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

function enhanceCopyLink(root: HTMLElement) {
  const url = root.dataset.copyLink ?? '';
  const slug = root.dataset.slug ?? '';
  const button = root.querySelector('button');
  const status = root.querySelector('[role="status"]');
  if (!url || !button || !status) return;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (copied: boolean) => {
    for (const part of root.querySelectorAll<HTMLElement>('[data-copy-state]'))
      part.hidden = (part.dataset.copyState === 'copied') !== copied;
    status.textContent = copied ? 'Link copied' : '';
  };
  const manual = () => {
    let field = root.querySelector<HTMLInputElement>('input[data-copy-field]');
    if (!field) {
      const label = document.createElement('label');
      label.className = 'mt-2 block text-sm';
      const caption = document.createElement('span');
      caption.className = 'text-muted';
      caption.textContent = 'Copy this link:';
      field = document.createElement('input');
      field.readOnly = true;
      field.value = url;
      field.dataset.copyField = '';
      field.className = 'mt-1 block w-80 max-w-full rounded border border-rule bg-paper px-2 py-1 font-mono text-xs';
      field.addEventListener('focus', () => field?.select());
      label.append(caption, field);
      root.append(label);
    }
    field.select();
  };

  button.addEventListener('click', async () => {
    if (!(await writeClipboard(url))) {
      manual();
      return;
    }
    show(true);
    reportShare(slug, 'copy');
    clearTimeout(timer);
    timer = setTimeout(() => show(false), CONFIRM_MS);
  });
}

function enhanceNativeShare(item: HTMLElement) {
  const url = item.dataset.nativeShare ?? '';
  const title = item.dataset.title ?? '';
  const text = item.dataset.text ?? '';
  const slug = item.dataset.slug ?? '';
  if (typeof navigator.canShare !== 'function' || !navigator.canShare({ url, title })) return;
  item.hidden = false;
  item.querySelector('button')?.addEventListener('click', async () => {
    try {
      await navigator.share({ url, title, text });
      reportShare(slug, 'native');
    } catch {
      // The reader closed the sheet (AbortError) or the share failed: nothing to report.
    }
  });
}

function enhanceWeChat(details: HTMLDetailsElement) {
  if (inWeChatBrowser()) {
    (details.closest('li') ?? details).remove();
    return;
  }
  const slug = details.dataset.wechatShare ?? '';
  const closeOutside = (event: PointerEvent) => {
    if (!details.contains(event.target as Node)) details.open = false;
  };
  details.addEventListener('toggle', () => {
    if (details.open) {
      reportShare(slug, 'wechat');
      document.addEventListener('pointerdown', closeOutside);
    } else {
      document.removeEventListener('pointerdown', closeOutside);
    }
  });
  details.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && details.open) {
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  });
}

export function enhanceShareBar(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-copy-link]')) enhanceCopyLink(el);
  for (const el of root.querySelectorAll<HTMLElement>('[data-native-share]')) enhanceNativeShare(el);
  for (const el of root.querySelectorAll<HTMLDetailsElement>('details[data-wechat-share]')) enhanceWeChat(el);
}

import { describe, expect, it } from 'vitest';
import { storyEvent } from '@/lib/domain/webhook-events';
import { addressKind, addressProblem, parseWebhookUrl } from '@/lib/webhooks/target';
import { nextAttemptAt } from '@/lib/webhooks/worker';

describe('webhook addresses', () => {
  it('accepts http and https only, without credentials', () => {
    expect('url' in parseWebhookUrl('https://hooks.example.com/in?x=1#frag')).toBe(true);
    for (const bad of ['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://x/', 'example.com'])
      expect('error' in parseWebhookUrl(bad), bad).toBe(true);
    expect(parseWebhookUrl('https://user:pw@example.com/')).toEqual({
      error: 'Leave the user name and password out of the address.',
    });
    expect('error' in parseWebhookUrl('https://example.com/' + 'é'.repeat(1000))).toBe(true); // 2000+ bytes
    expect(parseWebhookUrl('   ')).toEqual({ error: 'Enter the address to post to.' });
  });

  it('sorts addresses into public, private (allowed only by the site) and forbidden', () => {
    for (const a of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) expect(addressKind(a), a).toBe('public');
    for (const a of ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '::1'])
      expect(addressKind(a), a).toBe('private');
    for (const a of ['fd12:3456::1', '100.64.0.1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::10.0.0.1'])
      expect(addressKind(a), a).toBe('private');
    for (const a of ['169.254.169.254', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', 'fe80::1', 'ff02::1'])
      expect(addressKind(a), a).toBe('forbidden');
    expect(addressKind('::ffff:169.254.169.254')).toBe('forbidden');
    expect(addressKind('not-an-ip')).toBe('forbidden');
    expect(addressProblem('127.0.0.1', false)).toMatch(/private or loopback/);
    expect(addressProblem('127.0.0.1', true)).toBeUndefined();
    expect(addressProblem('169.254.169.254', true)).toMatch(/not an address/);
    expect(addressProblem('93.184.216.34', false)).toBeUndefined();
  });

  it('the URL parser turns odd spellings of loopback into the address that is checked', () => {
    for (const spelled of ['http://2130706433/', 'http://0x7f000001/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/']) {
      const parsed = parseWebhookUrl(spelled);
      if (!('url' in parsed)) throw new Error(spelled);
      expect(addressKind(parsed.url.hostname.replace(/^\[|\]$/g, '')), spelled).toBe('private');
    }
  });
});

describe('webhook events and retries', () => {
  const NOW = 1_000_000;
  it('names the change by what readers could see before and after', () => {
    const pub = { status: 'published', publishedAt: NOW - 1 };
    const draft = { status: 'draft', publishedAt: null };
    const later = { status: 'scheduled', publishedAt: NOW + 60_000 };
    expect(storyEvent(undefined, pub, NOW)).toBe('story.published');
    expect(storyEvent(draft, pub, NOW)).toBe('story.published');
    expect(storyEvent(pub, pub, NOW)).toBe('story.updated');
    expect(storyEvent(pub, draft, NOW)).toBe('story.unpublished');
    expect(storyEvent(pub, later, NOW)).toBe('story.unpublished');
    expect(storyEvent(draft, later, NOW)).toBeNull();
    expect(storyEvent(draft, draft, NOW)).toBeNull();
  });

  it('waits five times longer after each failure, and stops after the last attempt', () => {
    const s = { retryBaseMs: 30_000, maxAttempts: 4, timeoutMs: 1000 };
    expect(nextAttemptAt(1, 0, s)).toBe(30_000);
    expect(nextAttemptAt(2, 0, s)).toBe(150_000);
    expect(nextAttemptAt(3, 0, s)).toBe(750_000);
    expect(nextAttemptAt(4, 0, s)).toBeNull();
  });
});

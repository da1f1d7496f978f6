import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, HEADER, install, parseTrustProxy, reloadTrustProxy } from '@/lib/server/client-ip.cjs';
import { addressDay, addressKeyOfDay, hashAddress, normalizeAddress } from '@/lib/votes/ip-hash';

describe('client address', () => {
  it('is the socket address unless TRUST_PROXY names the proxies in front', () => {
    expect(clientAddress('10.0.0.5', '1.2.3.4', 0)).toBe('10.0.0.5');
    // One trusted proxy: the entry it appended (rightmost) is the client; the rest could be forged.
    expect(clientAddress('10.0.0.5', 'forged, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', 'forged, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', '203.0.113.9', 3)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', ['a, 198.51.100.1', '203.0.113.7:5050'], 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', '[2001:db8::1]:443', 1)).toBe('2001:db8::1');
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', ' , ', 1)).toBe('10.0.0.5');
  });

  it('TRUST_PROXY accepts 0–9 and true/false, and refuses anything else', () => {
    expect([undefined, '', '0', 'false', '1', 'true', '2'].map(parseTrustProxy)).toEqual([0, 0, 0, 0, 1, 1, 2]);
    for (const bad of ['yes', '10', '-1', 'loopback']) expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY/);
  });

  describe('on a real server', () => {
    let server: http.Server;
    let url: string;
    beforeAll(async () => {
      install();
      install(); // twice is harmless
      server = http.createServer((req, res) =>
        res.end(
          JSON.stringify({ ip: req.headers[HEADER], raw: req.rawHeaders.filter((h) => h.toLowerCase() === HEADER) }),
        ),
      );
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => {
      server.close();
      delete process.env.TRUST_PROXY;
      reloadTrustProxy();
    });

    it('stamps the socket address and drops a forged copy of the header', async () => {
      const res = await fetch(url, { headers: { [HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' } });
      expect(await res.json()).toEqual({ ip: '127.0.0.1', raw: [] });
    });

    it('with TRUST_PROXY=1 takes the address the proxy appended', async () => {
      process.env.TRUST_PROXY = '1';
      reloadTrustProxy();
      const res = await fetch(url, { headers: { 'x-forwarded-for': '7.7.7.7, 203.0.113.50' } });
      expect((await res.json()).ip).toBe('203.0.113.50');
    });
  });
});

describe('address hashing', () => {
  it('normalises mapped IPv4 and counts an IPv6 /64 as one client', () => {
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(normalizeAddress('::1')).toBe('0:0:0:0::/64');
    expect(normalizeAddress('not an address')).toBe('');
    expect(normalizeAddress('')).toBe('');
  });

  it('gives a keyed hash that changes with the day’s key and never contains the address', () => {
    const key1 = addressKeyOfDay('secret', '2026-11-25');
    const key2 = addressKeyOfDay('secret', '2026-11-26');
    expect(addressKeyOfDay('another secret', '2026-11-25').equals(key1)).toBe(false);
    const a = hashAddress('192.0.2.1', key1);
    expect(a).toHaveLength(43);
    expect(a).not.toContain('192');
    expect(hashAddress('192.0.2.1', key1)).toBe(a);
    expect(hashAddress('192.0.2.1', key2)).not.toBe(a);
    expect(hashAddress('2001:db8:1:2::5', key1)).toBe(hashAddress('2001:db8:1:2:ffff::9', key1));
    expect(hashAddress('garbage', key1)).toBe('');
    expect(addressDay(Date.parse('2026-11-25T23:59:59Z'))).toBe('2026-11-25');
  });
});

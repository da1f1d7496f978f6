// Ceiling (a): the fastest a Node process can answer with the article's bytes. No framework, no
// routing, no rendering: one Buffer written with the headers Moodwire sent for it.
// Usage: node --import tsx scripts/bench/memory-server.ts <port> <body file> <headers JSON>
import fs from 'node:fs';
import http from 'node:http';

const [port, bodyFile, headersJson] = process.argv.slice(2);
if (!port || !bodyFile || !headersJson) throw new Error('usage: memory-server.ts <port> <body file> <headers JSON>');

const body = fs.readFileSync(bodyFile);
const headers = { ...(JSON.parse(headersJson) as Record<string, string>), 'content-length': String(body.length) };
// The same page as Moodwire sent it to a browser (brotli), for requests that accept it (issue 16 §1).
const brotli = fs.existsSync(`${bodyFile}.br`) ? fs.readFileSync(`${bodyFile}.br`) : null;
const brotliHeaders = brotli && { ...headers, 'content-encoding': 'br', 'content-length': String(brotli.length) };

http
  .createServer((req, res) => {
    const br = brotli && /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
    // Moodwire's pages carry a Date header; so does this (node adds it), keeping the byte counts alike.
    res.writeHead(200, br ? brotliHeaders! : headers);
    res.end(br ? brotli : body);
  })
  .listen(Number(port), '127.0.0.1');

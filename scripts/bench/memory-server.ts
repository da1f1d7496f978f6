// Ceiling (a): the fastest a Node process can answer with the article's bytes. No framework, no
// routing, no rendering: one Buffer written with the headers Moodwire sent for it.
// Usage: node --import tsx scripts/bench/memory-server.ts <port> <body file> <headers JSON>
import fs from 'node:fs';
import http from 'node:http';

const [port, bodyFile, headersJson] = process.argv.slice(2);
if (!port || !bodyFile || !headersJson) throw new Error('usage: memory-server.ts <port> <body file> <headers JSON>');

const body = fs.readFileSync(bodyFile);
const headers = { ...(JSON.parse(headersJson) as Record<string, string>), 'content-length': String(body.length) };

http
  .createServer((_req, res) => {
    // Moodwire's pages carry a Date header; so does this (node adds it), keeping the byte counts alike.
    res.writeHead(200, headers);
    res.end(body);
  })
  .listen(Number(port), '127.0.0.1');

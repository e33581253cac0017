/**
 * One dashboard replica for the object-storage test: opens the database named by LANCEDB_URI /
 * LANCEDB_STORAGE_OPTIONS like the app does, and answers `GET /summary?…` with the summary route handler.
 * Prints `{"port": N}` once it listens on loopback.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GET as summary } from '../../app/api/analysis-stats/summary/route';

const server = http.createServer((request, response) => {
  summary(new Request(`http://127.0.0.1${request.url}`))
    .then(async (answer) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(await answer.text());
    })
    .catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake server received it, exactly: method, path, query, headers and JSON body. */
export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export interface Loopback {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

/**
 * A fake platform server on 127.0.0.1: records every request and answers with `answer(request)` as JSON.
 * The adapters under test talk to it over real HTTP, so what we assert is what would go on the wire.
 */
export async function startLoopback(answer: (req: Recorded) => unknown | Promise<unknown>): Promise<Loopback> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: Recorded = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(recorded);
      const body = await answer(recorded);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

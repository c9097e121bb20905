import http from 'node:http';
import type net from 'node:net';

/** A local webhook receiver keeping the JSON bodies posted to it. */
export function webhookSink(): Promise<{
  url: string;
  bodies: { alerts: { period: string; partner: string; level: number }[] }[];
  close: () => Promise<void>;
}> {
  const bodies: { alerts: { period: string; partner: string; level: number }[] }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`,
        bodies,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

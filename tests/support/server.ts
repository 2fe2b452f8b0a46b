import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A page the fixture server answers with, chosen by host and path. */
export type Route = (request: { host: string; path: string; url: URL }) => { status?: number; type?: string; body: string } | undefined;

export interface FixtureServer {
  port: number;
  /** Every request the server received, as https://host/path. */
  requests: string[];
  /** The same with the headers that say who made it: web content (pages, extension pages, workers) sends Sec-Fetch-*. */
  log: { url: string; secFetchDest?: string; secFetchSite?: string; origin?: string }[];
  close(): Promise<void>;
}

/** A throw-away self-signed certificate; Chromium runs with --ignore-certificate-errors against this server. */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = join(tmpdir(), 'keep-account-test-cert');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=keep-account-fixtures'], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** HTTPS server on 127.0.0.1 that plays the part of Gmail and the CRMs. */
export async function startFixtureServer(route: Route): Promise<FixtureServer> {
  const requests: string[] = [];
  const log: FixtureServer['log'] = [];
  const server: Server = createServer(certificate(), (req, res) => {
    const host = (req.headers.host ?? 'unknown').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(url.href);
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    log.push({ url: url.href, secFetchDest: header('sec-fetch-dest'), secFetchSite: header('sec-fetch-site'), origin: header('origin') });
    const answer = route({ host, path: url.pathname, url });
    if (!answer) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not a fixture');
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { join } from 'node:path';
import type { App } from './types.ts';

export function webAppAvailable(webDir: string): boolean {
  return existsSync(join(webDir, 'index.html'));
}

/**
 * Serves the single-page app from the same origin as the API (so the session cookie and CSRF token need no
 * cross-origin rules). Hashed assets are cached for a year; index.html never, so a release is seen at once.
 * Any other GET that is not /api and asks for HTML gets index.html: the app's router owns those paths.
 */
export async function serveWebApp(app: App, webDir: string): Promise<boolean> {
  if (!webAppAvailable(webDir)) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    cacheControl: false, // set per file below
    preCompressed: true, // .br / .gz written by the build (web/build/precompress.ts)
    setHeaders(res, path) {
      res.setHeader('cache-control', path.includes(`${join(webDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    // Unknown /api paths and missing assets stay 404s in JSON; only page paths fall back to the app.
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.callNotFound();
    return sendIndex(reply);
  });
  return true;
}

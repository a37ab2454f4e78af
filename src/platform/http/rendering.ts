import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type nunjucks from 'nunjucks';
import { assetUrls, layoutContext } from '../views/environment.js';
import type { RenderedPageCache } from './page-cache.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a Nunjucks page with the layout's context and sends it as HTML. */
    render(template: string, context?: Record<string, unknown>): FastifyReply;
    /**
     * For pages that are the same for every visitor: serves the page for this path from the
     * rendered-page cache, calling `loadContext` only when it must render it again.
     */
    renderPublic(
      template: string,
      loadContext: () => Promise<Record<string, unknown>>,
    ): Promise<FastifyReply>;
  }
}

export interface RenderingOptions {
  views: nunjucks.Environment;
  publicPageCache: RenderedPageCache;
}

async function rendering(app: FastifyInstance, { views, publicPageCache }: RenderingOptions) {
  const assets = assetUrls();
  // Cached pages hold this marker where each response's own CSP nonce goes.
  const noncePlaceholder = `csp-nonce-${randomBytes(12).toString('hex')}`;

  const renderHtml = (
    template: string,
    currentPath: string,
    cspNonce: string,
    context: Record<string, unknown>,
  ) => views.render(template, { ...layoutContext(assets, currentPath, cspNonce), ...context });

  const pathOf = (reply: FastifyReply) => reply.request.url.split('?')[0] ?? '/';

  app.decorateReply(
    'render',
    function render(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const html = renderHtml(template, pathOf(this), this.cspNonce.script, {
        currentUser: this.request.user,
        ...context,
      });
      return this.type('text/html; charset=utf-8').send(html);
    },
  );

  app.decorateReply(
    'renderPublic',
    async function renderPublic(
      this: FastifyReply,
      template: string,
      loadContext: () => Promise<Record<string, unknown>>,
    ) {
      // Keyed by the route, not the raw address: /about/, /%61bout and /about?x=1 are one page,
      // so the cache holds at most one entry per public route.
      const currentPath = this.request.routeOptions.url ?? pathOf(this);
      const cached = await publicPageCache.get(`${template} ${currentPath}`, async () =>
        renderHtml(template, currentPath, noncePlaceholder, await loadContext()),
      );
      const html = cached.replaceAll(noncePlaceholder, this.cspNonce.script);
      return this.type('text/html; charset=utf-8').send(html);
    },
  );
}

export default fp(rendering, { name: 'rendering', dependencies: ['@fastify/helmet'] });

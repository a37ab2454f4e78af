import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type nunjucks from 'nunjucks';
import { assetUrls } from '../views/environment.js';
import { footerNavigation, navigationFor } from '../views/navigation.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a Nunjucks page with the layout's context and sends it as HTML. */
    render(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

export interface RenderingOptions {
  views: nunjucks.Environment;
}

async function rendering(app: FastifyInstance, { views }: RenderingOptions) {
  const assets = assetUrls();
  app.decorateReply(
    'render',
    function render(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const currentPath = this.request.url.split('?')[0] ?? '/';
      const html = views.render(template, {
        cspNonce: this.cspNonce.script,
        assets,
        currentPath,
        navigation: navigationFor(currentPath),
        footerNavigation,
        ...context,
      });
      return this.type('text/html; charset=utf-8').send(html);
    },
  );
}

export default fp(rendering, { name: 'rendering', dependencies: ['@fastify/helmet'] });

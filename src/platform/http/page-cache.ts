interface CachedPage {
  html: string;
  expiresAt: number;
}

/**
 * Rendered public pages, kept for a short time. Public pages are the same for every visitor, so
 * rendering each once per `ttlMs` instead of once per request lets the site take heavy traffic;
 * an edit made through this instance clears the cache at once, and other instances see it within
 * `ttlMs`. Only the per-response CSP nonce differs, and it is filled in on the way out.
 */
export class RenderedPageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly rendering = new Map<string, Promise<string>>();
  // Bumped by clear(), so a rendering that started before an edit is never stored after it.
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached page for `key`, or the result of `render()` (run once however many ask at once). */
  async get(key: string, render: () => Promise<string>): Promise<string> {
    const cached = this.pages.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.html;
    const inFlight = this.rendering.get(key);
    if (inFlight) return inFlight;
    const startedIn = this.generation;
    const pending = render()
      .then((html) => {
        if (this.ttlMs > 0 && startedIn === this.generation) {
          this.pages.set(key, { html, expiresAt: this.now() + this.ttlMs });
        }
        return html;
      })
      .finally(() => this.rendering.delete(key));
    this.rendering.set(key, pending);
    return pending;
  }

  /** Forgets every page, for example after staff change content. */
  clear(): void {
    this.generation += 1;
    this.pages.clear();
    this.rendering.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}

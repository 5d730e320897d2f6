// Just enough of a browser for an authorization server's pages, in Node: one cookie jar (a
// single host), redirects followed by hand, so a test sees where each one leads.

export interface Followed {
  /** The URL the redirects ended at: on another origin, or a page that answered. */
  url: string;
  response: Response;
}

export class BrowserLikeFetch {
  readonly #cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size > 0) headers.set('cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects while they stay on `url`'s origin. */
  async follow(url: string, init?: RequestInit): Promise<Followed> {
    const origin = new URL(url).origin;
    let current = url;
    let response = await this.request(current, init);
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, current).toString();
      if (new URL(next).origin !== origin) return { url: next, response };
      current = next;
      response = await this.request(current);
    }
    return { url: current, response };
  }

  /** Posts an HTML form's fields (urlencoded) and follows the redirects. */
  submit(url: string, fields: Record<string, string>): Promise<Followed> {
    return this.follow(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

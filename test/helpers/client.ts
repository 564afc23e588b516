// A browser-like client over `app.inject`: keeps cookies, fetches a CSRF token, posts forms.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export class Client {
  private cookies = new Map<string, string>()
  private csrf: string | null = null
  /** Each client comes from its own address, as separate people do (rate limits count per address). */
  readonly address = `127.${rand()}.${rand()}.${rand()}`

  constructor(readonly app: FastifyInstance) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request('GET', url, undefined, headers)
  }

  /** Posts a form the way a browser does, with the CSRF token unless `csrf: false`. */
  async post(url: string, fields: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    // A repeated field (ticked checkboxes) is sent once per value, as a browser does.
    const body = new URLSearchParams()
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
    if (options.csrf !== false) body.set('_csrf', await this.token())
    return this.request('POST', url, body.toString(), { 'content-type': 'application/x-www-form-urlencoded' })
  }

  async token(): Promise<string> {
    if (!this.csrf) {
      const page = await this.get('/wachtwoord-vergeten')
      const match = /name="_csrf" value="([^"]+)"/.exec(page.body)
      if (!match) throw new Error('no CSRF token on the page')
      this.csrf = match[1]!
    }
    return this.csrf
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value)
  }

  async request(method: 'GET' | 'POST', url: string, payload?: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const response = await this.app.inject({ method, url, payload, remoteAddress: this.address, headers: { ...headers, ...(cookie ? { cookie } : {}) } })
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now())
      if (expired) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    return response
  }
}

function rand(): number {
  return 1 + Math.floor(Math.random() * 254)
}

/** The text a person would read: tags stripped, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

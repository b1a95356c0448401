/**
 * Reading what was sent, through Mailpit's HTTP API (integration and browser
 * tests). Every test writes to addresses of its own, so searching by
 * recipient keeps tests apart on the run's shared Mailpit.
 */

export interface MailpitSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: { Address: string; Name: string }[];
  Created: string;
}

export interface MailpitMessage extends MailpitSummary {
  From: { Address: string; Name: string };
  HTML: string;
  Text: string;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`Mailpit ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function mailpitClient(apiUrl: string) {
  return {
    /** Messages to this address, newest first. */
    async to(address: string): Promise<MailpitSummary[]> {
      const query = encodeURIComponent(`to:"${address}"`);
      const data = await getJson<{ messages: MailpitSummary[] }>(`${apiUrl}/api/v1/search?query=${query}&limit=200`);
      return data.messages;
    },
    /** One message in full: From, To, Subject, HTML, Text. */
    async message(id: string): Promise<MailpitMessage> {
      return getJson<MailpitMessage>(`${apiUrl}/api/v1/message/${id}`);
    },
    /** The newest message to `address` (matching `subject` when given), waiting up to `timeoutMs` for it to arrive. */
    async waitFor(address: string, options: { subject?: string | RegExp; timeoutMs?: number } = {}): Promise<MailpitMessage> {
      const deadline = Date.now() + (options.timeoutMs ?? 15_000);
      const matches = (s: MailpitSummary) =>
        options.subject === undefined || (typeof options.subject === 'string' ? s.Subject.includes(options.subject) : options.subject.test(s.Subject));
      for (;;) {
        const found = (await this.to(address)).find(matches);
        if (found) return this.message(found.ID);
        if (Date.now() > deadline) throw new Error(`no mail to ${address}${options.subject ? ` matching ${options.subject}` : ''} arrived in Mailpit`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** The first link in a text part that starts with `prefix` (an invitation, a reset, a room). */
export function linkIn(text: string, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\S*`).exec(text);
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return match[0];
}

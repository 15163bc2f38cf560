import type { APIAttachment } from 'discord.js';
import { apiAttachment } from './apiObjects.js';

export interface StoredAttachment {
  data: Buffer;
  contentType: string;
}

/** Files the fake serves at `GET /attachments/<name>`: added by tests, or uploaded with a reply. */
export class AttachmentStore {
  readonly #files = new Map<string, StoredAttachment>();

  /** `baseUrl` is read on each call: the port is known only once the server listens. */
  constructor(private readonly baseUrl: () => string) {}

  /** Stores `data` under `name` (replacing any earlier file) and returns its URL. */
  add(name: string, data: Buffer, contentType: string): string {
    this.#files.set(name, { data, contentType });
    return this.#url(name);
  }

  get(name: string): StoredAttachment | undefined {
    return this.#files.get(name);
  }

  /** The attachment object Discord would put in `data.resolved.attachments` for a stored file. */
  attachment(name: string): APIAttachment {
    const stored = this.#files.get(name);
    if (!stored) throw new Error(`FakeDiscord: attachment "${name}" was never added`);
    return apiAttachment({ filename: name, url: this.#url(name), size: stored.data.length, contentType: stored.contentType });
  }

  #url(name: string): string {
    return `${this.baseUrl()}/attachments/${encodeURIComponent(name)}`;
  }
}

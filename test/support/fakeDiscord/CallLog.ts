import type { IncomingHttpHeaders } from 'node:http';

/** A file part of a multipart request (discord.js sends `files[n]` parts next to `payload_json`). */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** One HTTP request the fake received, in arrival order. */
export interface RecordedCall {
  method: string;
  /** Full pathname as sent, e.g. `/api/v10/interactions/1/tok/callback`. */
  path: string;
  /** Decoded path below `/api/v10` (e.g. `/webhooks/1/tok/messages/@original`); the full path for non-API routes. */
  route: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, the parsed `payload_json` of a multipart body, raw text, or null when empty. */
  body: unknown;
  files: RecordedFile[];
  /** HTTP status the fake answered with. */
  status: number;
  /** Date.now() when the request was received. */
  at: number;
}

export type CallPredicate = (call: RecordedCall) => boolean;

interface CallWaiter {
  predicate: CallPredicate;
  count: number;
  resolve: (calls: RecordedCall[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** The REST calls the fake answered, oldest first, and the tests waiting for some of them. */
export class CallLog {
  readonly #calls: RecordedCall[] = [];
  readonly #waiters = new Set<CallWaiter>();

  get all(): readonly RecordedCall[] {
    return [...this.#calls];
  }

  find(predicate: CallPredicate): RecordedCall[] {
    return this.#calls.filter(predicate);
  }

  /** Resolves once `count` matching calls are recorded (the first `count`, oldest first); rejects after timeoutMs. */
  waitFor(predicate: CallPredicate, count: number, timeoutMs: number): Promise<RecordedCall[]> {
    const matched = this.#calls.filter(predicate);
    if (matched.length >= count) return Promise.resolve(matched.slice(0, count));
    return new Promise((resolve, reject) => {
      const waiter: CallWaiter = {
        predicate,
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(new Error(`FakeDiscord: ${count} matching REST call(s) not seen within ${timeoutMs} ms; got:\n${this.#describe()}`));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Appends a call (its status already set) and resolves the waiters it completes. */
  record(call: RecordedCall): void {
    this.#calls.push(call);
    for (const waiter of [...this.#waiters]) {
      const matched = this.#calls.filter(waiter.predicate);
      if (matched.length < waiter.count) continue;
      clearTimeout(waiter.timer);
      this.#waiters.delete(waiter);
      waiter.resolve(matched.slice(0, waiter.count));
    }
  }

  /** Rejects every pending waitFor. */
  close(): void {
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('FakeDiscord: closed while waiting for a REST call'));
    }
    this.#waiters.clear();
  }

  #describe(): string {
    if (this.#calls.length === 0) return '  (no calls)';
    return this.#calls.map((c) => `  ${c.method} ${c.route} → ${c.status}`).join('\n');
  }
}

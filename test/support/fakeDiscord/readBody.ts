import type { IncomingMessage } from 'node:http';
import type { RecordedFile } from './CallLog.js';

/** A request body as the fake records it; `valid` is false when the declared content type did not parse. */
export interface ReadBody {
  /** Parsed JSON, the parsed `payload_json` of a multipart body, raw text (also when invalid), or null when empty. */
  body: unknown;
  files: RecordedFile[];
  valid: boolean;
}

/** Reads a request to its end and decodes the body by its content type. */
export async function readBody(req: IncomingMessage): Promise<ReadBody> {
  const raw = await readAll(req);
  try {
    return { ...(await decodeBody(raw, req.headers['content-type'])), valid: true };
  } catch {
    return { body: raw.toString('utf8'), files: [], valid: false };
  }
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function decodeBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    // undici's Response parses multipart for us; discord.js puts the JSON in payload_json and files in files[n].
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    let body: unknown = null;
    const files: RecordedFile[] = [];
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
        continue;
      }
      files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/json')) return { body: JSON.parse(text), files: [] };
  return { body: text, files: [] };
}

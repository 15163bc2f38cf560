import type { ServerResponse } from 'node:http';
import type { StoredAttachment } from './AttachmentStore.js';

/** A canned REST answer: status 204 (or no body) is sent empty, a stored attachment as its bytes, anything else as JSON. */
export interface RestReply {
  status: number;
  body?: unknown;
}

/** Discord's error body: `{ message, code }`, where code is Discord's JSON error code (0 for plain HTTP errors). */
export function restError(status: number, message: string, code = 0): RestReply {
  return { status, body: { message, code } };
}

export function writeReply(res: ServerResponse, reply: RestReply): void {
  if (reply.status === 204 || reply.body === undefined) {
    // No body and no JSON content type, as Discord answers interaction callbacks.
    res.writeHead(reply.status).end();
    return;
  }
  if (isStoredAttachment(reply.body)) {
    res.writeHead(reply.status, { 'content-type': reply.body.contentType, 'content-length': reply.body.data.length });
    res.end(reply.body.data);
    return;
  }
  const json = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function isStoredAttachment(body: unknown): body is StoredAttachment {
  return typeof body === 'object' && body !== null && 'data' in body && Buffer.isBuffer(body.data);
}

import { UserError } from '../errors.js';

/** How long a download may take before it is given up. */
const DOWNLOAD_TIMEOUT_MS = 15_000;

/**
 * Downloads an attachment, refusing more than `maxBytes` (the size Discord reported was checked
 * before; this guards against it being wrong) and stopping the transfer as soon as it is exceeded.
 */
export async function downloadAttachment(url: string, maxBytes: number, name: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (err) {
    throw new UserError('download_failed', `corpus: could not download "${name}" (${(err as Error).message}); please try again`);
  }
  if (!response.ok || !response.body) {
    throw new UserError('download_failed', `corpus: could not download "${name}" (HTTP ${response.status}); please try again`);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new UserError('too_large', `corpus: "${name}" is over the limit of ${maxBytes} bytes (MAX_UPLOAD_BYTES)`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

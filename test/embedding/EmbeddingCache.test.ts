import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddingCache } from '../../src/embedding/EmbeddingCache.js';

const root = mkdtempSync(join(tmpdir(), 'embedding-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const vec = (...xs: number[]): Float32Array => Float32Array.from(xs);

function fresh(): string {
  return mkdtempSync(join(root, 'c-'));
}

describe('EmbeddingCache', () => {
  it('saves only the entries asked for and reads them back', () => {
    const dir = fresh();
    const cache = EmbeddingCache.open(dir, 'hash-v1-2', 2);
    cache.set('alpha', vec(1, 0));
    cache.set('beta', vec(0, 1));
    cache.save(['alpha']);
    const again = EmbeddingCache.open(dir, 'hash-v1-2', 2);
    expect(again.get('alpha')).toEqual(vec(1, 0));
    expect(again.get('beta')).toBeUndefined();
  });

  it('appends new entries after the saved ones without reading them', () => {
    const dir = fresh();
    const first = EmbeddingCache.open(dir, 'm', 2);
    first.set('alpha', vec(1, 0));
    first.save(['alpha']);
    const extension = EmbeddingCache.forAppend(dir, 'm', 2);
    expect(extension.get('alpha')).toBeUndefined();
    extension.set('gamma', vec(0.6, 0.8));
    extension.append(['gamma']);
    const again = EmbeddingCache.open(dir, 'm', 2);
    expect(again.get('alpha')).toEqual(vec(1, 0));
    expect(again.get('gamma')).toEqual(vec(0.6, 0.8));
  });

  it('keeps the counted entries when an append was cut short', () => {
    const dir = fresh();
    const cache = EmbeddingCache.open(dir, 'm', 2);
    cache.set('alpha', vec(1, 0));
    cache.save(['alpha']);
    const [file] = readdirSync(dir);
    appendFileSync(join(dir, file!), Buffer.alloc(10, 7)); // half a record, count not raised
    expect(EmbeddingCache.open(dir, 'm', 2).get('alpha')).toEqual(vec(1, 0));
  });

  it('treats a foreign or damaged file as empty and starts it afresh on append', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'm.bin'), 'not a cache');
    expect(EmbeddingCache.open(dir, 'm', 2).get('alpha')).toBeUndefined();
    const cache = EmbeddingCache.forAppend(dir, 'm', 2);
    cache.set('alpha', vec(1, 0));
    cache.append(['alpha']);
    expect(EmbeddingCache.open(dir, 'm', 2).get('alpha')).toEqual(vec(1, 0));
  });

  it('leaves out entries holding NaN or Infinity, so their texts are embedded again', () => {
    const dir = fresh();
    const cache = EmbeddingCache.open(dir, 'm', 2);
    cache.set('good', vec(0.6, 0.8));
    cache.set('nan', vec(Number.NaN, 1));
    cache.set('infinite', vec(0, Number.POSITIVE_INFINITY));
    cache.save(['good', 'nan', 'infinite']);
    const again = EmbeddingCache.open(dir, 'm', 2);
    expect(again.get('good')).toEqual(vec(0.6, 0.8));
    expect(again.get('nan')).toBeUndefined();
    expect(again.get('infinite')).toBeUndefined();
  });
});

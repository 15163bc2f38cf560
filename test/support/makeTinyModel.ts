import fs from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';

// onnx-proto is CommonJS with `module.exports = $root`, so only the default import works under ESM.
const { onnx } = onnxProto;

/** Model id of the generated model; its files live in `<dir>/local/tiny-bert/`. */
export const TINY_MODEL_ID = 'local/tiny-bert';

/** Width of every vector the tiny model produces (`hidden_size` in its config.json). */
export const TINY_MODEL_DIMENSION = 16;

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

const WORDS = [
  'the',
  'a',
  'an',
  'of',
  'and',
  'to',
  'in',
  'on',
  'is',
  'was',
  'it',
  'with',
  'cat',
  'dog',
  'bird',
  'fish',
  'mouse',
  'sat',
  'ran',
  'mat',
  'chase',
  'eat',
  'sleep',
  'play',
  'river',
  'bank',
  'money',
  'water',
  'tree',
  'house',
  'city',
  'road',
  'quantum',
  'physics',
  'energy',
  'theory',
  'star',
  'light',
  'atom',
  'field',
  'war',
  'king',
  'queen',
  'law',
  'church',
  'book',
  'word',
  'song',
  '.',
  ',',
  '?',
  '!',
  '(',
  ')',
];

const SUFFIXES = ['##s', '##es', '##ed', '##ing', '##er', '##ly', '##al', '##ion'];

/** Every token in id order: the five BERT specials, whole words, then `##` continuation pieces. */
const VOCAB: readonly string[] = [...SPECIAL_TOKENS, ...WORDS, ...SUFFIXES];

/**
 * Writes a tiny BERT-like model that transformers.js 2.17 loads as a `feature-extraction`
 * pipeline: a WordPiece tokenizer over {@link VOCAB} and a one-node ONNX graph that looks each
 * token up in a fixed pseudo-random embedding table (`last_hidden_state = Gather(table, input_ids)`).
 * Mean pooling over that output makes texts that share words point in similar directions.
 *
 * The ONNX file is written as both `onnx/model.onnx` and `onnx/model_quantized.onnx`, so the
 * model loads with either `quantized` setting. Output is deterministic; nothing is downloaded.
 *
 * @param dir Directory that plays the role of the transformers.js model cache / local model path.
 * @returns The model id ({@link TINY_MODEL_ID}) to pass to the pipeline.
 */
export async function makeTinyModel(dir: string): Promise<string> {
  const modelDir = path.join(dir, ...TINY_MODEL_ID.split('/'));
  await fs.mkdir(path.join(modelDir, 'onnx'), { recursive: true });

  const onnxBytes = encodeGatherModel(VOCAB.length, TINY_MODEL_DIMENSION);
  await fs.writeFile(path.join(modelDir, 'onnx', 'model.onnx'), onnxBytes);
  await fs.writeFile(path.join(modelDir, 'onnx', 'model_quantized.onnx'), onnxBytes);
  await writeJson(path.join(modelDir, 'config.json'), modelConfig());
  await writeJson(path.join(modelDir, 'tokenizer.json'), tokenizerJson());
  await writeJson(path.join(modelDir, 'tokenizer_config.json'), tokenizerConfig());
  return TINY_MODEL_ID;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** Serialises the ONNX graph `last_hidden_state = Gather(embeddings, input_ids, axis=0)`. */
function encodeGatherModel(vocabSize: number, dimension: number): Uint8Array {
  const { DataType } = onnx.TensorProto;
  const tokenMatrix = (name: string) => tensorInfo(name, DataType.INT64, [{ dimParam: 'batch' }, { dimParam: 'sequence' }]);

  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'corpus-bot makeTinyModel',
    graph: {
      name: 'tiny_bert',
      node: [
        {
          name: 'embed',
          opType: 'Gather',
          input: ['embeddings', 'input_ids'],
          output: ['last_hidden_state'],
          attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        },
      ],
      initializer: [
        {
          name: 'embeddings',
          dataType: DataType.FLOAT,
          dims: [vocabSize, dimension],
          floatData: embeddingTable(vocabSize * dimension),
        },
      ],
      // attention_mask feeds no node: onnxruntime accepts unused graph inputs, and transformers.js
      // only passes the tokenizer outputs that the session lists as inputs.
      input: [tokenMatrix('input_ids'), tokenMatrix('attention_mask')],
      output: [tensorInfo('last_hidden_state', DataType.FLOAT, [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: dimension }])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function tensorInfo(name: string, elemType: number, dim: { dimParam?: string; dimValue?: number }[]): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: { dim } } } });
}

/** `count` values in [-1, 1) from a fixed-seed xorshift32, so every run writes the same table. */
function embeddingTable(count: number): number[] {
  let state = 0x2545f491;
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    values.push((state >>> 0) / 2 ** 31 - 1);
  }
  return values;
}

function modelConfig(): Record<string, unknown> {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_MODEL_DIMENSION,
    vocab_size: VOCAB.length,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    max_position_embeddings: 128,
    pad_token_id: 0,
  };
}

function tokenizerConfig(): Record<string, unknown> {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 128,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}

/** A Hugging Face `tokenizers` JSON for an uncased BERT WordPiece tokenizer over {@link VOCAB}. */
function tokenizerJson(): Record<string, unknown> {
  const idOf = (token: string) => VOCAB.indexOf(token);
  const special = (token: string) => ({ SpecialToken: { id: token, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: idOf(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [
        special('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        special('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((token) => [token, { id: token, ids: [idOf(token)], tokens: [token] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(VOCAB.map((token, id) => [token, id])),
    },
  };
}

/**
 * Removes a folder a transformers.js model was loaded from. transformers.js 2.17 starts reading
 * a file in the background whenever it wraps it in a response (its `FileResponse` body stream
 * reads eagerly, with no error handler), so deleting the folder at once can make such a read
 * fail after the test as an unhandled ENOENT. Waiting lets those reads finish first.
 */
export async function removeModelFolder(dir: string, settleMs = 500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  rmSync(dir, { recursive: true, force: true });
}

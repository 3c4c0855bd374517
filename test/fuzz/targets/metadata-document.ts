// S2S metadata documents through the probe's reader: a document, or a
// ProbeError with its code and words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMetadataDocument } from '../../../src/probe/metadata-document';
import { ProbeError } from '../../../src/probe/probe-error';
import { repoRoot } from '../../support/paths';
import type { FuzzTarget } from '../framework/target';
import { mutateBytes } from '../framework/mutations';
import { jsonInput } from './json-files';

const dir = join(repoRoot, 'test', 'fixtures', 'fuzz-samples');
let samples: string[] | undefined;

export const metadataDocument: FuzzTarget<Buffer> = {
  name: 'metadata-document',
  count: 5_000,
  seed: 2217,
  deadlineMs: 2000,
  kind: 'bytes',
  generate(rng) {
    samples ??= readdirSync(dir)
      .filter((f) => f.startsWith('metadata.'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    // .NET's byte order marks, UTF-16 included, are read; so are their mutations.
    const body = jsonInput(rng, samples);
    const r = rng.int(10);
    if (r === 0) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body.toString('utf8'), 'utf16le')]);
    if (r === 1) return mutateBytes(rng, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body.toString('utf8'), 'utf16le').swap16()]));
    if (r === 2) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    return body;
  },
  run(bytes) {
    try {
      readMetadataDocument(bytes, bytes[0] === 0x3c ? 'text/html' : 'application/json', 'https://mail.contoso.com/autodiscover/metadata/json/1');
    } catch (error) {
      if (!(error instanceof ProbeError)) throw error;
    }
  },
};

// office-farm script: one PowerShell script per server from a .farm file
// (or, with --inventory, the read-only scripts that collect what each
// server has). Printed to standard output one after another, or written to
// --out DIR as <server>.ps1 / <server>.inventory.ps1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze } from '../../core';
import { generateInventoryScripts, generateScripts, type GeneratedScript } from '../../core/scripts';
import { configFor } from '../../config/farmrc';
import { parseCommandArgs } from '../parse-args';
import { readInputs } from '../read-inputs';
import { UsageError } from '../usage-error';

// Windows PowerShell 5.1 reads a .ps1 without a byte order mark in the
// system's ANSI code page: a UTF-8 value would then be read as other
// characters, some of them quotes (UTF-8's ё ends in 0x91, cp1252's ‘).
// Files are written with the mark so every value reads back as written.
const bom = '\uFEFF';

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { out: { type: 'string' }, server: { type: 'string' }, inventory: { type: 'boolean', default: false } });
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'no FILE given' : 'one FILE at a time');
  const [{ file, text }] = readInputs(parsed.positionals);
  const { config, problems } = configFor(file);
  if (problems.length) throw new UsageError(problems.join('; '));
  const analysis = analyze(text, config);
  const options = { file: basename(file) };
  let scripts: GeneratedScript[] = parsed.values.inventory ? generateInventoryScripts(analysis, options) : generateScripts(analysis, options);
  if (scripts.length === 0) {
    process.stderr.write(`office-farm script: ${file} declares no SharePoint, Exchange, Lync or Office Web Apps server\n`);
    return 1;
  }
  const only = parsed.values.server;
  if (only !== undefined) {
    scripts = scripts.filter((s) => s.server === only);
    if (scripts.length === 0) {
      const names = (parsed.values.inventory ? generateInventoryScripts(analysis, options) : generateScripts(analysis, options)).map((s) => s.server);
      throw new UsageError(`${file} has no server '${only}' to script; it has ${names.join(', ')}`);
    }
  }
  const out = parsed.values.out;
  if (out === undefined) {
    process.stdout.write(scripts.map((s) => s.text).join('\n'));
    return 0;
  }
  try {
    mkdirSync(out, { recursive: true });
    for (const s of scripts) {
      const path = join(out, s.fileName);
      // Line ends stay \n: a value's own newline inside a literal must not become \r\n.
      writeFileSync(path, bom + s.text);
      process.stdout.write(`wrote ${path}\n`);
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(`cannot write to ${out}: ${e.code === 'EACCES' ? 'permission denied' : e.code === 'ENOTDIR' ? 'not a folder' : e.message}`);
  }
  return 0;
}

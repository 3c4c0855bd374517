// Turns syntax values into bound values against a property's type,
// reporting FARM102/103/106/107/109/110/401/402 on the way.
import type { Diagnostic } from '../diagnostics';
import { nearest } from '../nearest';
import { stringFormats } from '../language/string-formats';
import { article, describeType, joinOr, ValueType } from '../language/value-types';
import { productLines, subscriptionAliases, type VersionedKind, type VersionWord } from '../language/versions';
import type { IdentifierValue, Value } from '../syntax/ast';
import type { Bound, Declaration } from './types';

export interface ValueContext {
  byName: Map<string, Declaration>;
  declarations: Declaration[];
  diagnostics: Diagnostic[];
  key: string;
  /** The block's name as messages say it; with `key`, the place: "sp01's trusts". */
  label: string;
  /** Whether to count the references reaching each declaration (when the whole file is bound). */
  counting: boolean;
}

const found: Record<Value['type'], string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  identifier: 'a name',
  list: 'a list',
};

/** Only messages need it, so it is made only for them. */
function where(ctx: ValueContext): string {
  return `${ctx.label}'s ${ctx.key}`;
}

/** FARM106: a value of the wrong type. A function of its own, not a closure per value bound. */
function wrongType(node: Value, ctx: ValueContext, expected: string, hint = ''): undefined {
  ctx.diagnostics.push({
    code: 'FARM106',
    start: node.start,
    end: node.end,
    message: `${where(ctx)} takes ${expected}, not ${found[node.type]}${hint}.`,
  });
  return undefined;
}

export function bindValue(node: Value, type: ValueType, ctx: ValueContext): Bound | undefined {

  if (type.type === 'list') {
    if (node.type !== 'list') return wrongType(node, ctx, `a list (${describeType(type)})`, `: write it in brackets, [ ... ]`);
    return node.elements.map((element) => bindValue(element, type.of, ctx));
  }
  if (node.type === 'list') return wrongType(node, ctx, describeType(type));

  switch (type.type) {
    case 'string':
      return node.type === 'string' ? node.value : wrongType(node, ctx, 'a string', node.type === 'identifier' ? ': put it in double quotes' : '');
    case 'boolean':
      return node.type === 'boolean' ? node.value : wrongType(node, ctx, 'true or false');
    case 'version':
      return bindVersion(node, type.line, ctx);
    case 'number': {
      if (node.type !== 'number') return wrongType(node, ctx, 'a number', node.type === 'string' ? ': write it without quotes' : '');
      if (node.value < type.min || node.value > type.max || (type.allowed && !type.allowed.includes(node.value))) {
        const what = type.rangeCode === 'FARM401' ? 'A photo size' : where(ctx);
        const message = type.allowed ? `${what} must be one of ${type.allowed.join(', ')}; ${node.text} is not.` : `${what} must be between ${type.min} and ${type.max}; ${node.text} is out of range.`;
        ctx.diagnostics.push({ code: type.rangeCode, start: node.start, end: node.end, message });
        return undefined;
      }
      return node.value;
    }
    default: {
      // A string with a format (language/string-formats.ts).
      if (node.type !== 'string') return wrongType(node, ctx, `${describeType(type)} in double quotes`);
      const problem = stringFormats[type.type].problem(node.value);
      if (problem) {
        ctx.diagnostics.push({ code: 'FARM109', start: node.start, end: node.end, message: `"${node.value}" is not ${describeType(type).replace(/ \(.*\)$/, '')}: ${problem}.` });
        return undefined;
      }
      return node.value;
    }
    case 'enum': {
      if (node.type !== 'identifier') return wrongType(node, ctx, `one of ${type.members.join(', ')}`, node.type === 'string' ? ' (write it without quotes)' : '');
      if (!type.members.includes(node.name)) {
        const suggestion = nearest(node.name, type.members);
        ctx.diagnostics.push({
          code: 'FARM107',
          start: node.start,
          end: node.end,
          message: `'${node.name}' is not a member of ${where(ctx)}${suggestion ? `: did you mean '${suggestion}'?` : ''} It takes ${type.members.join(', ')}.`,
          fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ start: node.start, end: node.end, newText: suggestion }], unambiguous: true }] : undefined,
        });
        return undefined;
      }
      return node.name;
    }
    case 'ref':
      if (node.type !== 'identifier') {
        return wrongType(node, ctx, describeType(type), node.type === 'string' ? ' (write the name without quotes)' : '');
      }
      return bindReference(node, type.kinds, ctx);
  }
}

/**
 * FARM110: a version the product line never shipped. A year close to one of
 * its releases (Lync 2016 for Skype for Business Server 2015) or a spelling
 * of the Subscription Edition gets a "did you mean".
 */
function bindVersion(node: Value, line: VersionedKind, ctx: ValueContext): Bound | undefined {
  const product = productLines[line];
  const words = product.releases.map((r) => r.written);
  const listed = joinOr(product.releases.map((r) => `${r.written} (${r.name})`));
  let suggestion: VersionWord | undefined;
  if (node.type === 'number') {
    if (words.includes(node.value)) return node.value;
    suggestion = nearestYear(node.value, words);
  } else if (node.type === 'identifier') {
    if (node.name === 'subscription' && words.includes('subscription')) return 'subscription';
    const lower = node.name.toLowerCase();
    if (words.includes('subscription') && (subscriptionAliases.includes(lower) || nearest(node.name, ['subscription']))) suggestion = 'subscription';
  } else {
    const unquoted = node.type === 'string' && words.some((w) => String(w) === node.value.trim().toLowerCase());
    return wrongType(node, ctx, `a version (${words.join(', ')})`, unquoted ? ': write it without quotes' : '');
  }
  const written = node.type === 'number' ? node.text : (node as IdentifierValue).name;
  ctx.diagnostics.push({
    code: 'FARM110',
    start: node.start,
    end: node.end,
    message: `${written} is not a version of ${product.line}${suggestion !== undefined ? `: did you mean ${suggestion}?` : '.'} It takes ${listed}.`,
    fixes: suggestion !== undefined ? [{ title: `Change to ${suggestion}`, edits: [{ start: node.start, end: node.end, newText: String(suggestion) }], unambiguous: true }] : undefined,
  });
  return undefined;
}

/** The one release year within three of `year`, when one is nearer than every other. */
function nearestYear(year: number, words: readonly VersionWord[]): number | undefined {
  let best: number | undefined;
  let bestDistance = 4;
  let tie = false;
  for (const w of words) {
    if (typeof w !== 'number') continue;
    const d = Math.abs(w - year);
    if (d < bestDistance) {
      best = w;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

function bindReference(node: IdentifierValue, kinds: readonly string[], ctx: ValueContext): Declaration | undefined {
  // The reference itself is read back when asked for (see references.ts).
  const target = ctx.byName.get(node.name);
  if (target && ctx.counting) target.incoming++;
  if (target && kinds.includes(target.kind)) return target;
  // Only the messages below need the expected kinds in words.
  const expected = joinOr(kinds.map(article));
  if (!target) {
    const candidates = ctx.declarations.filter((d) => d.first && kinds.includes(d.kind)).map((d) => d.name);
    const suggestion = nearest(node.name, candidates);
    ctx.diagnostics.push({
      code: 'FARM102',
      start: node.start,
      end: node.end,
      message: `'${node.name}' is not declared${suggestion ? `: did you mean '${suggestion}'?` : `. ${where(ctx)} takes the name of ${expected} declared in this file.`}`,
      fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ start: node.start, end: node.end, newText: suggestion }], unambiguous: true }] : undefined,
    });
    return undefined;
  }
  if (!kinds.includes(target.kind)) {
    const why = ctx.key === 'trusts' && ['office-web-apps', 'project', 'user', 'site-mailbox'].includes(target.kind)
      ? `, which issues no server-to-server tokens and cannot be trusted`
      : '';
    ctx.diagnostics.push({
      code: 'FARM103',
      start: node.start,
      end: node.end,
      message: `'${node.name}' is ${article(target.kind)}${why}; ${where(ctx)} takes the name of ${expected}.`,
    });
    return undefined;
  }
  return target;
}

export { emailProblem, hostProblem, hostProblemInDetail, urlProblem, urlProblemInDetail } from '../language/string-formats';

/** Host name of a valid URL, lower-cased, without port. */
export function urlHost(url: string): string {
  const m = /^[a-z]+:\/\/([^/?#:]*)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase();
}

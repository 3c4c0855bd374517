// Turns syntax values into bound values against a property's type,
// reporting FARM102/103/106/107/109/110/401/402 on the way.
import type { Diagnostic } from '../diagnostics';
import { nearest } from '../nearest';
import { article, describeType, joinOr, ValueType, versions } from '../language/value-types';
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
    case 'number':
    case 'version': {
      if (node.type !== 'number') return wrongType(node, ctx, type.type === 'version' ? `a version number (${versions.join(', ')})` : 'a number', node.type === 'string' ? ': write it without quotes' : '');
      if (type.type === 'version') {
        if (!(versions as readonly number[]).includes(node.value)) {
          ctx.diagnostics.push({ code: 'FARM110', start: node.start, end: node.end, message: `${node.text} is not a version of the 2013-era products: use ${versions.join(', ')}.` });
          return undefined;
        }
      } else if (node.value < type.min || node.value > type.max) {
        const what = type.rangeCode === 'FARM401' ? 'A photo size' : where(ctx);
        ctx.diagnostics.push({ code: type.rangeCode, start: node.start, end: node.end, message: `${what} must be between ${type.min} and ${type.max}; ${node.text} is out of range.` });
        return undefined;
      }
      return node.value;
    }
    case 'url':
    case 'host':
    case 'email': {
      if (node.type !== 'string') return wrongType(node, ctx, `${describeType(type)} in double quotes`);
      const problem = type.type === 'url' ? urlProblem(node.value) : type.type === 'host' ? hostProblem(node.value) : emailProblem(node.value);
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

const hostLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A well-formed host name, in one test: most values are, and then the reasons below need not be sought. */
const wellFormedHost = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function hostProblem(host: string): string | undefined {
  return wellFormedHost.test(host) ? undefined : hostProblemInDetail(host);
}

/** What is wrong with a host name, if anything (exported for the test that holds the quick test to it). */
export function hostProblemInDetail(host: string): string | undefined {
  if (host === '') return 'it is empty';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'write the host name alone, without a scheme';
  if (/[/?#]/.test(host)) return 'write the host name alone, without a path';
  if (host.length > 253) return 'a host name has at most 253 characters';
  if (!host.split('.').every((label) => hostLabel.test(label))) return 'a host name is made of letters, digits and hyphens, in labels separated by dots';
  return undefined;
}

/**
 * A well-formed http(s) URL, in one test: a host of valid labels, at most a
 * four-digit port, no spaces. Every URL it accepts the reasons below accept
 * too; for the others they tell what is wrong.
 */
const wellFormedUrl = /^https?:\/\/((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?::\d{1,4})?(?:[/?#]\S*)?$/i;

export function urlProblem(url: string): string | undefined {
  const quick = wellFormedUrl.exec(url);
  return quick && quick[1].length <= 253 ? undefined : urlProblemInDetail(url);
}

/** What is wrong with a URL, if anything (exported for the test that holds the quick test to it). */
export function urlProblemInDetail(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m) return /^[a-z0-9.-]+(\/|$)/i.test(url) ? 'an absolute URL starts with https:// (or http://)' : 'an absolute URL looks like https://host/path';
  const scheme = m[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `the scheme must be https or http, not ${m[1]}`;
  if (/\s/.test(url)) return 'a URL holds no spaces';
  const authority = m[2];
  if (authority.includes('@')) return 'a URL here carries no user name or password';
  const hostPort = /^(.*?)(?::(\d{1,5}))?$/.exec(authority);
  const host = hostPort?.[1] ?? '';
  if (hostPort?.[2] !== undefined && Number(hostPort[2]) > 65535) return 'the port must be at most 65535';
  const problem = hostProblem(host);
  if (problem) return `its host ${problem === 'it is empty' ? 'is missing' : `is malformed (${problem})`}`;
  return undefined;
}

export function emailProblem(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0) return 'an e-mail address looks like name@example.com';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '' || /[\s@]/.test(local)) return 'the part before @ must be a non-empty name without spaces';
  if (!domain.includes('.') || hostProblem(domain)) return 'the part after @ must be a domain name such as example.com';
  return undefined;
}

/** Host name of a valid URL, lower-cased, without port. */
export function urlHost(url: string): string {
  const m = /^[a-z]+:\/\/([^/?#:]*)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase();
}

// Builds the model from the syntax tree: declarations in one namespace,
// property tables, references resolved to first declarations, feature roles
// written or inferred. Reports FARM101, FARM104–FARM108, FARM112–FARM115.
import type { Diagnostic, Fix } from '../diagnostics';
import { blockSpecs, isBlockKind } from '../language/blocks';
import { featureById, FeatureSpec, Role } from '../language/features';
import { article, PropertySpec } from '../language/value-types';
import { nearest } from '../nearest';
import type { Block, FarmFile } from '../syntax/ast';
import { insertPropertyEdit, placeholderFor } from '../fixes/edits';
import type { Declaration, FarmModel, FeatureInstance, PropertyTable, Reference, RoleBinding } from './types';
import { bindValue, ValueContext } from './value-checks';

export function bind(file: FarmFile, text: string, diagnostics: Diagnostic[]): FarmModel {
  const model: FarmModel = { file, declarations: [], byName: new Map(), features: [], references: [] };

  // Pass 1: declarations, so that references may point forward.
  const featureBlocks: Block[] = [];
  for (const block of file.blocks) {
    const kind = block.kind.text;
    if (!isBlockKind(kind)) continue;
    if (kind === 'feature') {
      featureBlocks.push(block);
      continue;
    }
    if (!block.name) continue;
    const decl: Declaration = { kind, name: block.name.text, nameNode: block.name, block, first: true, written: new Map(), values: new Map() };
    if (kind === 'farm') {
      if (model.farm) {
        decl.first = false;
        diagnostics.push({ code: 'FARM115', start: block.name.start, end: block.name.end, message: `A file describes one farm, and '${model.farm.name}' is declared already: merge this farm block into it.` });
      } else {
        model.farm = decl;
      }
      bindProperties(decl, blockSpecs.farm.properties, model, diagnostics, text);
      continue;
    }
    const previous = model.byName.get(decl.name);
    if (previous) {
      decl.first = false;
      diagnostics.push({
        code: 'FARM101',
        start: block.name.start,
        end: block.name.end,
        message: `The name '${decl.name}' is already declared by the ${previous.kind} block above: servers, users and site mailboxes share one namespace. Rename one of them.`,
      });
    } else {
      model.byName.set(decl.name, decl);
    }
    model.declarations.push(decl);
  }

  // Pass 2: property values, now that every name is known.
  for (const decl of model.declarations) bindProperties(decl, blockSpecs[decl.kind].properties, model, diagnostics, text);
  for (const block of featureBlocks) model.features.push(bindFeature(block, model, diagnostics, text));
  return model;
}

function bindProperties(
  owner: Declaration | FeatureInstance,
  specs: PropertySpec[],
  model: FarmModel,
  diagnostics: Diagnostic[],
  text: string,
  extraKeys: string[] = [],
  label = 'name' in owner ? `${owner.name}` : owner.id.text,
): void {
  const block = owner.block;
  const byKey = new Map(specs.map((s) => [s.key, s]));
  for (const property of block.properties) {
    const key = property.key.text;
    const spec = byKey.get(key);
    if (!spec && !extraKeys.includes(key)) {
      const known = [...byKey.keys(), ...extraKeys];
      // A key already written is no suggestion: the rename would duplicate it.
      const suggestion = nearest(key, known.filter((k) => !block.properties.some((p) => p.key.text === k)));
      const kindName = 'name' in owner ? article(owner.kind) : `the feature ${owner.id.text}`;
      diagnostics.push({
        code: 'FARM104',
        start: property.key.start,
        end: property.key.end,
        message: `${capitalize(kindName)} has no property '${key}'${suggestion ? `: did you mean '${suggestion}'?` : `. It takes ${known.join(', ') || 'no properties'}.`}`,
        fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ start: property.key.start, end: property.key.end, newText: suggestion }], unambiguous: true }] : undefined,
      });
      continue;
    }
    if (owner.written.has(key)) {
      diagnostics.push({
        code: 'FARM105',
        start: property.key.start,
        end: property.key.end,
        message: `'${key}' is already set above in ${label}; the first value is used. Delete one of them.`,
        fixes: [{ title: `Delete this '${key}'`, edits: [lineRemoval(text, property.start, property.end)], unambiguous: false }],
      });
      continue;
    }
    owner.written.set(key, property);
    if (!spec || !property.value) continue;
    const ctx: ValueContext = {
      byName: model.byName,
      declarations: model.declarations,
      diagnostics,
      references: model.references,
      owner,
      key,
      where: `${label}'s ${key}`,
    };
    const bound = bindValue(property.value, spec.type, ctx);
    if (bound) owner.values.set(key, bound);
  }
  for (const spec of specs) {
    if (!spec.required || owner.written.has(spec.key)) continue;
    const anchor = 'name' in owner ? owner.nameNode : owner.id;
    const edit = insertPropertyEdit(text, block, spec.key, placeholderFor(spec));
    const fixes: Fix[] | undefined = edit ? [{ title: `Add '${spec.key}'`, edits: [edit], unambiguous: false }] : undefined;
    diagnostics.push({
      code: 'FARM108',
      start: anchor.start,
      end: anchor.end,
      message: `${label} has no ${spec.key}: it is required (${lowerFirst(spec.description.replace(/\.$/, ''))}).`,
      fixes,
    });
  }
}

/** Removes a property's whole line when it stands alone on it, else just the property. */
function lineRemoval(text: string, start: number, end: number): { start: number; end: number; newText: string } {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t' || text[e] === ';')) e++;
  const atLineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  if (atLineStart && (text[e] === '\n' || text[e] === '\r')) {
    e += text[e] === '\r' && text[e + 1] === '\n' ? 2 : 1;
    return { start: s, end: e, newText: '' };
  }
  return { start, end: e, newText: '' };
}

function bindFeature(block: Block, model: FarmModel, diagnostics: Diagnostic[], text: string): FeatureInstance {
  const id = block.name ?? block.kind;
  const spec = block.name ? featureById.get(block.name.text) : undefined;
  const instance: FeatureInstance = { id, block, spec, roles: new Map(), written: new Map(), values: new Map() };
  if (!block.name) return instance;
  if (!spec) {
    const suggestion = nearest(id.text, [...featureById.keys()]);
    diagnostics.push({
      code: 'FARM112',
      start: id.start,
      end: id.end,
      message: `Unknown feature '${id.text}'${suggestion ? `: did you mean '${suggestion}'?` : `. The features are ${[...featureById.keys()].join(', ')}.`}`,
      fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ start: id.start, end: id.end, newText: suggestion }], unambiguous: true }] : undefined,
    });
    return instance;
  }
  const roleSpecs: PropertySpec[] = spec.roles.map((r) => ({
    key: r.role,
    type: { type: 'ref', kinds: [r.role] },
    required: false,
    description: `The ${r.role} server of the feature.`,
  }));
  bindProperties(instance, [...roleSpecs, ...spec.options], model, diagnostics, text, [], id.text);
  for (const role of spec.roles) instance.roles.set(role.role, bindRole(instance, spec, role.role, role.required, model, diagnostics, text));
  return instance;
}

function bindRole(instance: FeatureInstance, spec: FeatureSpec, role: Role, required: boolean, model: FarmModel, diagnostics: Diagnostic[], text: string): RoleBinding {
  const written = instance.written.get(role);
  if (written) {
    const bound = instance.values.get(role);
    const node = written.value?.type === 'identifier' ? written.value : undefined;
    return { target: bound?.value as Declaration | undefined, written: node };
  }
  if (!required) return {};
  const candidates = model.declarations.filter((d) => d.first && d.kind === role);
  if (candidates.length === 1) return { target: candidates[0] };
  const title = spec.title;
  if (candidates.length === 0) {
    diagnostics.push({
      code: 'FARM114',
      start: instance.id.start,
      end: instance.id.end,
      message: `${title} ${spec.plural ? 'need' : 'needs'} ${article(role)}, and none is declared: add ${article(role).replace(/^an? /, 'a ').replace(/^a (?=[AEIOU])/, 'an ')} block (${role} NAME { ... }).`,
    });
  } else {
    const names = candidates.map((c) => c.name);
    diagnostics.push({
      code: 'FARM113',
      start: instance.id.start,
      end: instance.id.end,
      message: `${title} ${spec.plural ? 'need' : 'needs'} ${article(role)} and ${names.length} are declared (${names.join(', ')}): say which with '${role} = ${names[0]}'.`,
      fixes: names.flatMap((n) => {
        const edit = insertPropertyEdit(text, instance.block, role, n);
        return edit ? [{ title: `Use ${n} as the ${role} server`, edits: [edit], unambiguous: false }] : [];
      }),
    });
  }
  return {};
}

export type { Reference };

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

// Builds the model from the syntax tree: declarations in one namespace,
// property tables, references resolved to first declarations, feature roles
// written or inferred. Reports FARM101, FARM104–FARM108, FARM112–FARM115.
// Each top-level block's binding is kept apart, so that an edit binds again
// only the blocks it touched.
import type { Diagnostic, Fix } from '../diagnostics';
import { blockSpecs, isBlockKind } from '../language/blocks';
import { featureById, FeatureSpec, Role } from '../language/features';
import { article, PropertySpec } from '../language/value-types';
import { nearest } from '../nearest';
import { kindName } from '../syntax/ast';
import type { Block, FarmFile, Name } from '../syntax/ast';
import { insertPropertyEdit, placeholderFor } from '../fixes/edits';
import type { BlockBinding, Bound, Declaration, FarmModel, FeatureInstance, Reference, RoleBinding } from './types';
import { firstIndex, isWritten, roleTargetAt, writtenEarlier, writtenValue } from './effective';
import type { BlockKind } from '../language/value-types';
import { replaceRun } from '../incremental/reparse';
import { shiftDiagnostic } from '../incremental/shift';
import { firstAtOrAfter } from '../sorted-search';
import { bindValue, ValueContext } from './value-checks';
import { featureProperties } from './feature-properties';
import { collectReferences, walkReferences } from './references';
import { SmallMap } from './small-map';
import type { WorkCounter } from '../work-counter';

interface BindContext {
  model: FarmModel;
  text: string;
  /** First declarations per kind, for role inference. */
  firstsByKind: Map<string, Declaration[]>;
  /** What the block being bound found so far. */
  diagnostics: Diagnostic[];
  /** References are counted only when the whole file is bound. */
  counting: boolean;
  /** The context of the value checks, reused for every property. */
  values: ValueContext;
}

/**
 * Most blocks find no diagnostic, and many no reference: they share one
 * empty list (never written to) instead of holding one each.
 */
const none: never[] = Object.freeze([]) as unknown as never[];

// A block's binding is its declaration or its feature itself, which keep
// what binding the block found: a large farm has tens of thousands of
// blocks, and an object of its own for each was 2 MB more to make and keep.
// A block that declares nothing and is no feature (one without a name, say)
// gets a `PlainBinding`.

/** What every binding keeps. */
interface Found extends BlockBinding {
  diagnostics: Diagnostic[];
  /** The references, once asked for (`referencesOf`). */
  made: Reference[] | undefined;
}

class PlainBinding implements Found {
  made: Reference[] | undefined = undefined;
  declaration: undefined;
  feature: undefined;

  constructor(public diagnostics: Diagnostic[]) {}
}

/**
 * The references written in a bound block, made on first use. `byName` must
 * be the table it was bound against (the model's: an edit that changes the
 * table binds every block anew).
 */
export function referencesOf(binding: BlockBinding, byName: Map<string, Declaration>): Reference[] {
  const found = binding as Found;
  return (found.made ??= collectReferences(binding, byName));
}

/**
 * Each reference's target (undefined when the name is not declared), in
 * source order, without making the references when they are not made yet.
 */
export function forEachReferenceTarget(binding: BlockBinding, byName: Map<string, Declaration>, visit: (target: Declaration | undefined) => void): void {
  const made = (binding as Found).made;
  if (made) for (const r of made) visit(r.target);
  else walkReferences(binding, byName, (_node, target) => visit(target));
}

/**
 * What a binding found, apart from the binding: a rebind binds a reused
 * declaration to the new block, and the checks still have to take back what
 * the old block found.
 */
function snapshot(binding: BlockBinding, byName: Map<string, Declaration>): BlockBinding {
  const made = referencesOf(binding, byName);
  return { diagnostics: binding.diagnostics, declaration: binding.declaration, feature: binding.feature, made } as Found;
}

class Model implements FarmModel {
  bindingsWithDiagnostics = new Set<BlockBinding>();
  declarationDiagnostics: Diagnostic[] = [];
  farm: Declaration | undefined = undefined;
  declarations: Declaration[] = [];
  byName = new Map<string, Declaration>();
  features: FeatureInstance[] = [];
  /** Made when first asked for; then each rebind splices it. */
  made: Reference[] | undefined;
  bindings: BlockBinding[] = [];

  constructor(public file: FarmFile) {}

  get references(): Reference[] {
    if (!this.made) {
      const made: Reference[] = [];
      for (const binding of this.bindings) for (const r of referencesOf(binding, this.byName)) made.push(r);
      this.made = made;
    }
    return this.made;
  }
}

/** Binds a whole file. */
export function bind(file: FarmFile, text: string, counter?: WorkCounter): FarmModel {
  const model = new Model(file);
  const declared: Array<Declaration | undefined> = new Array(file.blocks.length);
  file.blocks.forEach((block, i) => {
    const decl = declarationFor(block);
    declared[i] = decl;
    if (!decl) return;
    if (decl.kind === 'farm') {
      if (model.farm) decl.first = false;
      else model.farm = decl;
      return;
    }
    const previous = model.byName.get(decl.name);
    if (previous) decl.first = false;
    else model.byName.set(decl.name, decl);
    model.declarations.push(decl);
  });
  const ctx = context(model, text);
  ctx.counting = ctx.values.counting = true;
  for (let i = 0; i < file.blocks.length; i++) {
    const block = file.blocks[i];
    const binding = bindBlock(block, declared[i], ctx);
    counter?.add('bound', 1 + block.properties.length);
    model.bindings.push(binding);
    if (binding.diagnostics.length) model.bindingsWithDiagnostics.add(binding);
    if (binding.feature) model.features.push(binding.feature);
  }
  model.declarationDiagnostics = declarationDiagnostics(model);
  return model;
}

/**
 * Binds again after a reparse. While the edit leaves the sequence of
 * declared kinds and names as it was, the declarations of the replaced
 * blocks are reused (references elsewhere point at them) and only the
 * replaced blocks are bound; otherwise the whole file is bound again.
 */
export interface Rebinding {
  model: FarmModel;
  /** Absent when the whole file was bound again. */
  replaced?: { removed: BlockBinding[]; added: BlockBinding[] };
}

export function rebind(previous: FarmModel, file: FarmFile, text: string, removed: Block[], added: Block[], removedAt: number, movedFrom: number, delta: number): Rebinding {
  const signature = (blocks: Block[]): string => blocks.filter(declares).map((b) => `${b.kind} ${b.name?.text}`).join('\n');
  if (signature(removed) !== signature(added)) return { model: bind(file, text) };
  // Every model is made by bind().
  const model = previous as Model;
  model.file = file;
  // Kept apart now, references made: the declarations are about to be bound
  // to the new blocks, and the checks still have to take these back.
  const old = model.bindings.slice(removedAt, removedAt + removed.length);
  const removedBindings = old.map((b) => snapshot(b, model.byName));
  const reused = old.flatMap((b) => (b.declaration ? [b.declaration] : []));
  for (const b of old) model.bindingsWithDiagnostics.delete(b);
  if (delta !== 0) {
    for (const binding of model.bindingsWithDiagnostics) {
      for (const d of binding.diagnostics) if (d.start >= movedFrom - delta) shiftDiagnostic(d, delta);
    }
  }
  // The replaced blocks' features and references are one run in each list.
  removeRun(model.features, removedBindings.flatMap((b) => (b.feature ? [b.feature] : [])));
  if (model.made) removeRun(model.made, removedBindings.flatMap((b) => referencesOf(b, model.byName)));
  const ctx = context(model, text);
  let k = 0;
  const addedBindings: BlockBinding[] = [];
  for (const block of added) {
    let decl: Declaration | undefined;
    if (declares(block)) {
      decl = reused[k++];
      decl.block = block;
    }
    const binding = bindBlock(block, decl, ctx);
    if (binding.diagnostics.length) model.bindingsWithDiagnostics.add(binding);
    addedBindings.push(binding);
  }
  model.bindings = replaceRun(model.bindings, removedAt, removedAt + removed.length, addedBindings);
  insertRun(model.features, addedBindings.flatMap((b) => (b.feature ? [b.feature] : [])), (f) => f.block.start);
  if (model.made) insertRun(model.made, addedBindings.flatMap((b) => referencesOf(b, model.byName)), (r) => r.node.start);
  model.declarationDiagnostics = declarationDiagnostics(model);
  return { model, replaced: { removed: removedBindings, added: addedBindings } };
}

function removeRun<T>(list: T[], run: T[]): void {
  if (run.length === 0) return;
  const at = list.indexOf(run[0]);
  if (at >= 0) list.splice(at, run.length);
}

/** Inserts a run in source order (the list is sorted by `startOf`, and so is the run). */
function insertRun<T>(list: T[], run: T[], startOf: (x: T) => number): void {
  if (run.length === 0) return;
  const lo = firstAtOrAfter(list, startOf(run[0]), startOf);
  if (run.length < 4096) {
    list.splice(lo, 0, ...run);
    return;
  }
  // Spreading a long run into splice's arguments would overflow the stack.
  const tail = list.splice(lo);
  for (const x of run) list.push(x);
  for (const x of tail) list.push(x);
}

function declares(block: Block): boolean {
  return block.name !== undefined && isBlockKind(block.kind) && block.kind !== 'feature';
}

function declarationFor(block: Block): Declaration | undefined {
  if (!declares(block)) return undefined;
  return new DeclaredName(block);
}

class DeclaredName implements Declaration, Found {
  first = true;
  incoming = 0;
  values: Array<Bound | undefined> = none;
  diagnostics: Diagnostic[] = none;
  made: Reference[] | undefined = undefined;

  constructor(public block: Block) {}

  /** Read from the block, like the name: a rebind gives the declaration a block of the same kind and name. */
  get kind(): BlockKind {
    return this.block.kind as BlockKind;
  }

  get name(): string {
    return this.block.name!.text;
  }

  /** As its block's binding. */
  get declaration(): Declaration {
    return this;
  }

  get feature(): undefined {
    return undefined;
  }

  /** Read from the block (the one an edit last bound it to), so that reading the file makes no name node. */
  get nameNode(): Name {
    return this.block.name!;
  }
}

function context(model: FarmModel, text: string): BindContext {
  const firstsByKind = new Map<string, Declaration[]>();
  for (const d of model.declarations) {
    if (!d.first) continue;
    const list = firstsByKind.get(d.kind);
    if (list) list.push(d);
    else firstsByKind.set(d.kind, [d]);
  }
  const diagnostics: Diagnostic[] = [];
  const values: ValueContext = { byName: model.byName, declarations: model.declarations, diagnostics, key: '', label: '', counting: false };
  return { model, text, firstsByKind, diagnostics, counting: false, values };
}

function bindBlock(block: Block, decl: Declaration | undefined, ctx: BindContext): BlockBinding {
  const diagnostics: Diagnostic[] = (ctx.diagnostics = ctx.values.diagnostics = []);
  let binding: Found;
  if (block.kind === 'feature') {
    binding = bindFeature(block, ctx);
  } else if (decl) {
    bindProperties(decl, blockSpecs[decl.kind].properties, ctx, decl.name);
    binding = decl as DeclaredName;
  } else {
    binding = new PlainBinding(none);
  }
  binding.diagnostics = diagnostics.length ? diagnostics : none;
  binding.made = undefined;
  return binding;
}

function declarationDiagnostics(model: FarmModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const farms = model.file.blocks.filter((b) => b.kind === 'farm' && b.name !== undefined);
  for (const b of farms.slice(1)) {
    out.push({ code: 'FARM115', start: b.name!.start, end: b.name!.end, message: `A file describes one farm, and '${farms[0].name!.text}' is declared already: merge this farm block into it.` });
  }
  for (const decl of model.declarations) {
    if (decl.first) continue;
    const previous = model.byName.get(decl.name)!;
    out.push({
      code: 'FARM101',
      start: decl.nameNode.start,
      end: decl.nameNode.end,
      message: `The name '${decl.name}' is already declared by the ${previous.kind} block above: servers, users and site mailboxes share one namespace. Rename one of them.`,
    });
  }
  return out;
}

/** Every diagnostic the binding found, declaration order first. */
export function bindingDiagnostics(model: FarmModel): Diagnostic[] {
  const out = [...model.declarationDiagnostics];
  for (const binding of model.bindingsWithDiagnostics) for (const d of binding.diagnostics) out.push(d);
  return out;
}

function bindProperties(
  owner: Declaration | FeatureInstance,
  specs: PropertySpec[],
  ctx: BindContext,
  /** The block as messages name it. */
  label: string,
): void {
  const { text, diagnostics } = ctx;
  const block = owner.block;
  const byKey = specsByKey(specs);
  const values = (owner.values = new Array<Bound | undefined>(block.properties.length));
  // One context for the whole binding, its label and key set as it goes: binding is synchronous.
  const valueContext = ctx.values;
  valueContext.label = label;
  for (let i = 0; i < block.properties.length; i++) {
    const { key, start, end, value } = block.properties[i];
    const spec = byKey.get(key);
    if (!spec) {
      const known = [...byKey.keys()];
      // A key already written is no suggestion: the rename would duplicate it.
      const suggestion = nearest(key, known.filter((k) => firstIndex(owner, k) < 0));
      const kindName = 'name' in owner ? article(owner.kind) : `the feature ${owner.id.text}`;
      diagnostics.push({
        code: 'FARM104',
        start,
        end: start + key.length,
        message: `${capitalize(kindName)} has no property '${key}'${suggestion ? `: did you mean '${suggestion}'?` : `. It takes ${known.join(', ') || 'no properties'}.`}`,
        fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ start, end: start + key.length, newText: suggestion }], unambiguous: true }] : undefined,
      });
      continue;
    }
    if (writtenEarlier(block, i)) {
      diagnostics.push({
        code: 'FARM105',
        start,
        end: start + key.length,
        message: `'${key}' is already set above in ${label}; the first value is used. Delete one of them.`,
        fixes: [{ title: `Delete this '${key}'`, edits: [lineRemoval(text, start, end)], unambiguous: false }],
      });
      continue;
    }
    if (!value) continue;
    valueContext.key = key;
    values[i] = bindValue(value, spec.type, valueContext);
  }
  for (const spec of specs) {
    if (!spec.required || firstIndex(owner, spec.key) >= 0) continue;
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

function bindFeature(block: Block, ctx: BindContext): BoundFeature {
  const diagnostics = ctx.diagnostics;
  const spec = block.name !== undefined ? featureById.get(block.name.text) : undefined;
  const instance = new BoundFeature(block, spec, none);
  if (block.name === undefined) return instance;
  if (!spec) {
    const id = block.name!;
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
  bindProperties(instance, featureProperties(spec), ctx, block.name.text);
  let inferred: Array<Declaration | undefined> | undefined;
  spec.roles.forEach((role, i) => {
    const target = bindRole(instance, spec, role.role, role.required, ctx, diagnostics);
    if (target) (inferred ??= new Array<Declaration | undefined>(spec.roles.length))[i] = target;
  });
  if (inferred) instance.inferred = inferred;
  return instance;
}

class BoundFeature implements FeatureInstance, Found {
  values: Array<Bound | undefined> = none;
  diagnostics: Diagnostic[] = none;
  made: Reference[] | undefined = undefined;

  constructor(
    public block: Block,
    public spec: FeatureSpec | undefined,
    public inferred: Array<Declaration | undefined>,
  ) {}

  get roles(): SmallMap<Role, RoleBinding> {
    const roles = this.spec?.roles ?? [];
    const map = new SmallMap<Role, RoleBinding>(roles.length);
    roles.forEach(({ role }, i) => {
      const written = writtenValue(this, role);
      map.set(role, { target: roleTargetAt(this, i), written: written?.type === 'identifier' ? written : undefined });
    });
    return map;
  }

  /** As its block's binding. */
  get feature(): FeatureInstance {
    return this;
  }

  get declaration(): undefined {
    return undefined;
  }

  /** Read from the block each time: the block moves when an edit before it shifts the text. */
  get id(): Name {
    return this.block.name ?? kindName(this.block);
  }
}

const byKeyCache = new WeakMap<PropertySpec[], Map<string, PropertySpec>>();

/** The property table of a block kind or feature, by key: made once per table. */
function specsByKey(specs: PropertySpec[]): Map<string, PropertySpec> {
  let map = byKeyCache.get(specs);
  if (!map) byKeyCache.set(specs, (map = new Map(specs.map((s) => [s.key, s]))));
  return map;
}

/** The role's inferred server, when nothing is written for it (FARM113/114 when it cannot be inferred). */
function bindRole(instance: FeatureInstance, spec: FeatureSpec, role: Role, required: boolean, ctx: BindContext, diagnostics: Diagnostic[]): Declaration | undefined {
  const text = ctx.text;
  if (isWritten(instance, role)) return undefined;
  if (!required) return undefined;
  const candidates = ctx.firstsByKind.get(role) ?? [];
  if (candidates.length === 1) {
    if (ctx.counting) candidates[0].incoming++;
    return candidates[0];
  }
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
  return undefined;
}

export type { Reference };

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

// The rule checks (FARM2xx, FARM3xx, FARM9xx), kept per server and per
// feature. After an edit that rebinds some blocks in place, only the checks
// whose inputs those blocks are re-run: a changed server's own trust checks
// and those of every server that trusts it, the features it takes part in
// (and, for a site mailbox, every site-mailboxes feature), and the unused
// hint of the servers whose incoming references changed.
import type { Diagnostic } from '../diagnostics';
import { exact } from '../exact';
import { shiftDiagnosticAfter } from '../incremental/shift';
import { forEachReferenceTarget } from '../model/bind';
import { roleTargetAt, trustsOf } from '../model/effective';
import type { BlockBinding, Declaration, FarmModel, FeatureInstance } from '../model/types';
import { affectsCross, crossDiagnostics } from './cross';
import { featureDiagnostics } from './features';
import { s2sDiagnostics } from './s2s';
import { serverDiagnostics } from './servers';
import { trustDiagnostics } from './trusts';
import { unusedDiagnostic } from './unused';
import type { WorkCounter } from '../work-counter';

export interface CheckCache {
  /**
   * What each server's, each feature's and the unused check found, for
   * those that found something: collecting costs what is found, not the
   * file's size.
   */
  servers: Map<Declaration, Diagnostic[]>;
  features: Map<FeatureInstance, Diagnostic[]>;
  unused: Map<Declaration, Diagnostic>;
  /** The whole-file comparisons (checks/cross.ts), redone when a server they compare changes. */
  cross: Diagnostic[];
  /**
   * Whom each server trusted when its checks last ran, and the reverse.
   * The reverse lists are short and may repeat an entry (a name written
   * twice): each occurrence is added and removed once.
   */
  trusted: Map<Declaration, Declaration[]>;
  trustedBy: Map<Declaration, Declaration[]>;
  participants: Map<FeatureInstance, Declaration[]>;
  featuresOf: Map<Declaration, FeatureInstance[]>;
  /**
   * Whether the four indexes above are made. Only edits need them, so the
   * first edit makes them, from the model as it then is: reading a file
   * does not wait for them.
   */
  indexed: boolean;
}

function setServer(cache: CheckCache, decl: Declaration, list: Diagnostic[]): void {
  if (list.length) cache.servers.set(decl, list);
  else cache.servers.delete(decl);
}

function setFeature(cache: CheckCache, feature: FeatureInstance, list: Diagnostic[]): void {
  if (list.length) cache.features.set(feature, list);
  else cache.features.delete(feature);
}

function setUnused(cache: CheckCache, decl: Declaration, d: Diagnostic | undefined): void {
  if (d) cache.unused.set(decl, d);
  else cache.unused.delete(decl);
}

function siteMailboxesOf(model: FarmModel): Declaration[] {
  return model.declarations.filter((d) => d.kind === 'site-mailbox');
}

function serverChecks(decl: Declaration, trustedByOthers: boolean, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  trustDiagnostics(decl, text, out);
  s2sDiagnostics(decl, trustedByOthers, text, out);
  serverDiagnostics(decl, out);
  return out;
}

function crossChecks(model: FarmModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  crossDiagnostics(model, out);
  return out;
}

function featureChecks(feature: FeatureInstance, siteMailboxes: Declaration[], text: string, counter?: WorkCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  featureDiagnostics(feature, siteMailboxes, text, out, counter);
  return out;
}

function participantsOf(feature: FeatureInstance): Declaration[] {
  const out: Declaration[] = [];
  const roles = feature.spec?.roles ?? [];
  for (let i = 0; i < roles.length; i++) {
    const target = roleTargetAt(feature, i);
    if (target) out.push(target);
  }
  return out;
}

/** Each reference with a target, and each inferred role, counts once. */
function countIncoming(binding: BlockBinding, byName: Map<string, Declaration>, sign: 1 | -1, touched: Set<Declaration>): void {
  const bump = (d: Declaration): void => {
    d.incoming += sign;
    touched.add(d);
  };
  forEachReferenceTarget(binding, byName, (target) => {
    if (target) bump(target);
  });
  const feature = binding.feature;
  // An inferred role: a server with nothing written for the role.
  if (feature) for (const target of feature.inferred) if (target) bump(target);
}

function addToIndex<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * Only non-empty lists are kept, and at their length (exact.ts): the
 * indexes hold a list per server, and at 10,000 servers empty and
 * push-grown lists were 3.6 MB of the heap.
 */
function setList<K, V>(index: Map<K, V[]>, key: K, list: V[]): void {
  if (list.length) index.set(key, exact(list));
  else index.delete(key);
}

function compact<K, V>(index: Map<K, V[]>): void {
  for (const [key, list] of index) index.set(key, exact(list));
}

function removeFromIndex<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  const at = list ? list.indexOf(value) : -1;
  if (at < 0) return;
  if (list!.length === 1) index.delete(key);
  else list!.splice(at, 1);
}

export function fullChecks(model: FarmModel, text: string, counter?: WorkCounter): CheckCache {
  const cache: CheckCache = {
    servers: new Map(),
    features: new Map(),
    unused: new Map(),
    cross: crossChecks(model),
    trusted: new Map(),
    trustedBy: new Map(),
    participants: new Map(),
    featuresOf: new Map(),
    indexed: false,
  };
  const trustedByOthers = new Set<Declaration>();
  for (const decl of model.declarations) for (const t of trustsOf(decl)) if (t !== decl) trustedByOthers.add(t);
  // Binding the whole file counted each declaration's incoming references (Declaration.incoming).
  for (const decl of model.declarations) {
    setServer(cache, decl, serverChecks(decl, trustedByOthers.has(decl), text));
    setUnused(cache, decl, unusedDiagnostic(decl, decl.incoming));
  }
  const siteMailboxes = siteMailboxesOf(model);
  for (const feature of model.features) setFeature(cache, feature, featureChecks(feature, siteMailboxes, text, counter));
  counter?.add('checks', 2 * model.declarations.length + model.features.length);
  return cache;
}

function makeIndexes(cache: CheckCache, model: FarmModel): void {
  for (const decl of model.declarations) {
    const trusted = trustsOf(decl);
    setList(cache.trusted, decl, trusted);
    for (const t of trusted) addToIndex(cache.trustedBy, t, decl);
  }
  for (const feature of model.features) {
    const participants = participantsOf(feature);
    setList(cache.participants, feature, participants);
    for (const p of participants) addToIndex(cache.featuresOf, p, feature);
  }
  compact(cache.trustedBy);
  compact(cache.featuresOf);
  cache.indexed = true;
}

export function incrementalChecks(cache: CheckCache, model: FarmModel, text: string, removed: BlockBinding[], added: BlockBinding[], regionOldEnd: number, delta: number): CheckCache {
  if (delta !== 0) {
    for (const list of cache.servers.values()) for (const d of list) shiftDiagnosticAfter(d, regionOldEnd, delta);
    for (const list of cache.features.values()) for (const d of list) shiftDiagnosticAfter(d, regionOldEnd, delta);
    for (const d of cache.unused.values()) shiftDiagnosticAfter(d, regionOldEnd, delta);
    for (const d of cache.cross) shiftDiagnosticAfter(d, regionOldEnd, delta);
  }
  const touched = new Set<Declaration>();
  for (const b of removed) countIncoming(b, model.byName, -1, touched);
  for (const b of added) countIncoming(b, model.byName, 1, touched);

  // Made now, the indexes already hold the edited blocks; kept, they are brought up to date.
  const update = cache.indexed;
  if (!update) makeIndexes(cache, model);

  const changed = added.flatMap((b) => (b.declaration && b.declaration.kind !== 'farm' ? [b.declaration] : []));
  const dirtyServers = new Set<Declaration>(changed);
  // Whom a changed server referenced before and references now (its trusts
  // among them): whether they are trusted by anyone (checks/s2s.ts) may
  // have changed with it.
  for (const b of [...removed, ...added]) {
    if (!b.declaration) continue;
    forEachReferenceTarget(b, model.byName, (target) => {
      if (target && target.kind !== 'user' && target.kind !== 'site-mailbox') dirtyServers.add(target);
    });
  }
  for (const decl of changed) {
    if (update) {
      for (const t of cache.trusted.get(decl) ?? []) removeFromIndex(cache.trustedBy, t, decl);
      const trusted = trustsOf(decl);
      setList(cache.trusted, decl, trusted);
      for (const t of trusted) addToIndex(cache.trustedBy, t, decl);
    }
    for (const truster of cache.trustedBy.get(decl) ?? []) dirtyServers.add(truster);
  }

  const dirtyFeatures = new Set<FeatureInstance>();
  for (const b of removed) {
    const f = b.feature;
    if (!f) continue;
    if (update) for (const p of cache.participants.get(f) ?? []) removeFromIndex(cache.featuresOf, p, f);
    cache.participants.delete(f);
    cache.features.delete(f);
  }
  for (const b of added) {
    const f = b.feature;
    if (!f) continue;
    if (update) {
      const participants = participantsOf(f);
      setList(cache.participants, f, participants);
      for (const p of participants) addToIndex(cache.featuresOf, p, f);
    }
    dirtyFeatures.add(f);
  }
  for (const decl of changed) for (const f of cache.featuresOf.get(decl) ?? []) dirtyFeatures.add(f);
  if (changed.some((d) => d.kind === 'site-mailbox')) for (const f of model.features) if (f.spec?.id === 'site-mailboxes') dirtyFeatures.add(f);

  for (const decl of dirtyServers) setServer(cache, decl, serverChecks(decl, isTrustedByOthers(cache, decl), text));
  if ([...removed, ...added].some((b) => b.declaration && affectsCross(b.declaration.kind))) cache.cross = crossChecks(model);
  const siteMailboxes = dirtyFeatures.size ? siteMailboxesOf(model) : [];
  for (const f of dirtyFeatures) setFeature(cache, f, featureChecks(f, siteMailboxes, text));
  for (const decl of new Set([...changed, ...touched])) setUnused(cache, decl, unusedDiagnostic(decl, decl.incoming));
  return cache;
}

function isTrustedByOthers(cache: CheckCache, decl: Declaration): boolean {
  return (cache.trustedBy.get(decl) ?? []).some((t) => t !== decl);
}

/**
 * The checks' diagnostics. Only ties of start, end and code keep this order
 * after the final sort, and those come from one list; features go in file
 * order because a site mailbox off its web application is reported once,
 * by the first site-mailboxes feature, however many there are.
 */
export function checkDiagnostics(cache: CheckCache, out: Diagnostic[]): void {
  for (const list of cache.servers.values()) for (const d of list) out.push(d);
  const siteMailboxValues = new Set<number>();
  const features = [...cache.features].sort(([a], [b]) => a.block.start - b.block.start);
  for (const [, list] of features) {
    for (const d of list) {
      if (d.code === 'FARM316') {
        if (siteMailboxValues.has(d.start)) continue;
        siteMailboxValues.add(d.start);
      }
      out.push(d);
    }
  }
  for (const d of cache.unused.values()) out.push(d);
  for (const d of cache.cross) out.push(d);
}

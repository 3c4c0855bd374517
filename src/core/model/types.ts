import type { FeatureSpec, Role } from '../language/features';
import type { BlockKind } from '../language/value-types';
import type { Diagnostic } from '../diagnostics';
import type { Block, FarmFile, IdentifierValue, Name } from '../syntax/ast';
import type { SmallMap } from './small-map';

/**
 * A valid value, converted. A list converts to its elements' converted
 * values, at their index, undefined where an element is not valid.
 */
export type Bound = string | number | boolean | Declaration | BoundList;
export type BoundList = Array<Bound | undefined>;

/**
 * The properties of a declaration or feature are its block's: the first
 * occurrence of a key counts (a later one is FARM105). Read them through
 * `writtenValue` and `valueOf` (model/effective.ts).
 */
export interface PropertyTable {
  /** Its properties, as written. */
  block: Block;
  /**
   * What the binding made of them, at the index of each property in
   * `block.properties`: the converted value of each first occurrence of a
   * key when it is valid, undefined elsewhere (an invalid value counts as not set).
   */
  values: Array<Bound | undefined>;
}

export interface Declaration extends PropertyTable {
  kind: BlockKind;
  name: string;
  /** The name in its block. */
  readonly nameNode: Name;
  block: Block;
  /** False for a second declaration of a name already taken (FARM101). */
  first: boolean;
  /**
   * How many references (by name, or an inferred feature role) reach it:
   * counted while the whole file is bound, kept up to date by the checks
   * after each edit (FARM901 when none does).
   */
  incoming: number;
}

export interface RoleBinding {
  /** The resolved server, when there is one. */
  target?: Declaration;
  /** The reference as written; absent when inferred or missing. */
  written?: IdentifierValue;
}

export interface FeatureInstance extends PropertyTable {
  readonly id: Name;
  block: Block;
  /** Undefined for an unknown feature id (FARM112). */
  spec?: FeatureSpec;
  /**
   * The server inferred for each role of `spec.roles`, at the same index,
   * when nothing is written for the role, the role is required and one
   * server of its kind exists. Most features write every role: they share
   * one empty list. Read a role's server with `roleTargetAt`/`roleTarget`.
   */
  inferred: Array<Declaration | undefined>;
  /** Each role with its server and what is written for it; made on each read (the checks read `roleTargetAt`). */
  readonly roles: SmallMap<Role, RoleBinding>;
}

export interface Reference {
  node: IdentifierValue;
  /** The declaration the name resolves to (first declaration), whatever its kind. */
  target?: Declaration;
  /** Where the reference is written. */
  owner: Declaration | FeatureInstance;
  key: string;
}

/** What binding one top-level block found; reused while the block is unchanged. */
export interface BlockBinding {
  /** FARM104–108, value and reference checks, FARM112–114: each edits only its own block. */
  diagnostics: Diagnostic[];
  /** The block's declaration, when it declares one (the binding then is the declaration itself). */
  readonly declaration?: Declaration;
  /** The block's feature, when it is one (the binding then is the feature itself). */
  readonly feature?: FeatureInstance;
}

export interface FarmModel {
  file: FarmFile;
  /** What binding found in each block of `file.blocks`, at the block's index. */
  bindings: BlockBinding[];
  /** The bindings that found something: collecting them costs what they hold, not the file's size. */
  bindingsWithDiagnostics: Set<BlockBinding>;
  /** FARM101 and FARM115, which depend on the order of all declarations. */
  declarationDiagnostics: Diagnostic[];
  farm?: Declaration;
  /** Every declaring block in source order, duplicates included. */
  declarations: Declaration[];
  /** Name → first declaration. */
  byName: Map<string, Declaration>;
  features: FeatureInstance[];
  /** Every reference in source order: made on first use, then kept up to date. */
  readonly references: Reference[];
}


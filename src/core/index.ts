// The language core's public surface: pure TypeScript, no vscode, no
// network, no file system.
export { analyze } from './analyze';
export type { Analysis } from './analyze';
export { readTopology } from './read-topology';
export type { Topology, TopologyServer, TopologyUser, TopologySiteMailbox, ServerKind } from './topology';
export type { Diagnostic, Fix, Severity, TextEdit } from './diagnostics';
export { LineMap } from './line-map';
export type { Position, Range } from './line-map';
export { rules, ruleByCode } from './rules/catalogue';
export type { RuleInfo } from './rules/catalogue';
export { validateRuleConfig } from './rules/config';
export type { RuleConfig, RuleSetting } from './rules/config';
export { features, featureById } from './language/features';
export { blockSpecs, blockKindNames } from './language/blocks';
export type { Declaration, FarmModel, FeatureInstance, Reference } from './model/types';
export { isWritten, metadataEndpoint } from './model/effective';
export { keyName, kindName, labelName } from './syntax/ast';
export type { TextChange } from './incremental/text-edit';

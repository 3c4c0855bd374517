// The `.farmrc.json` that applies to each document: the nearest one in the
// file's folder or above, read once and kept until a watched change.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleConfig } from '../core';
import { findFarmrc, loadFarmrc, LoadedConfig } from '../config/farmrc';

export class RuleConfigs {
  private readonly byDirectory = new Map<string, LoadedConfig>();
  /** Bumped on every change, so that cached analyses know they are out of date. */
  generation = 0;

  constructor(private readonly reportProblems: (problems: string[]) => void) {}

  /** Documents that are not files (untitled, virtual) take the defaults. */
  configFor(uri: string): RuleConfig | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let directory: string;
    try {
      directory = dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    let loaded = this.byDirectory.get(directory);
    if (!loaded) {
      const path = findFarmrc(directory);
      loaded = path ? loadFarmrc(path) : { config: {}, problems: [] };
      this.byDirectory.set(directory, loaded);
      if (loaded.problems.length) this.reportProblems(loaded.problems);
    }
    return loaded.config;
  }

  /** Called when a `.farmrc.json` appears, changes or goes away. */
  reload(): void {
    this.byDirectory.clear();
    this.generation++;
  }
}

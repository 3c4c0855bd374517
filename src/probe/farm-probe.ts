// Probes every server of a farm that publishes S2S metadata, a few at a
// time, all cancellable with one signal. Results come back in the order of
// the targets; `onResult` reports each as it finishes, for progress.

import type { Topology } from '../core/topology';
import { isProbedKind } from './service-principals';
import { probeMetadata, type ProbeOptions } from './metadata-probe';
import type { ProbeResult, ProbeTarget } from './probe-result';

export interface FarmProbeOptions extends ProbeOptions {
  /** How many probes run at once. Default 8. */
  concurrency?: number;
  /** Called when a probe starts, and when it finishes (including cancelled ones). */
  onStart?: (target: ProbeTarget) => void;
  onResult?: (result: ProbeResult) => void;
}

export const DEFAULT_CONCURRENCY = 8;

/** The exchange, sharepoint and lync servers of a topology that have a metadata URL. */
export function farmProbeTargets(topology: Topology): ProbeTarget[] {
  return topology.servers.flatMap((s) =>
    isProbedKind(s.kind) && s.metadataUrl ? [{ server: s.name, kind: s.kind, url: s.metadataUrl, expectedRealm: topology.realm }] : [],
  );
}

export async function probeFarm(farm: Topology | readonly ProbeTarget[], options: FarmProbeOptions = {}): Promise<ProbeResult[]> {
  const targets = Array.isArray(farm) ? (farm as readonly ProbeTarget[]) : farmProbeTargets(farm as Topology);
  const results: ProbeResult[] = new Array(targets.length);
  const width = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, targets.length));
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      const target = targets[i]!;
      options.onStart?.(target);
      // A probe that had not started when the signal fired comes back
      // cancelled at once: probeMetadata checks the signal first.
      const result = await probeMetadata(target, options);
      results[i] = result;
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

// Which source answers for which user, from the topology alone:
//   online = true            → Microsoft Graph (the user is homed in Microsoft 365)
//   lync = <pool> (on premises) → UCWA on that pool, the authority for its users
//   neither                  → no presence: a state of its own, nothing is asked
// One source per pool, so that each pool's users go in one batch and one
// event channel.

export interface ChoosableUser {
  name: string;
  address: string;
  lync?: string;
  online?: boolean;
}

export interface ChoosablePool {
  name: string;
  host?: string;
}

export type SourceChoice =
  | { kind: 'graph' }
  | { kind: 'ucwa'; pool: string; host: string }
  | { kind: 'none'; reason: 'no-pool' | 'pool-without-host' };

export function chooseSource(user: ChoosableUser, pools: readonly ChoosablePool[]): SourceChoice {
  if (user.online) return { kind: 'graph' };
  if (!user.lync) return { kind: 'none', reason: 'no-pool' };
  const pool = pools.find((p) => p.name === user.lync);
  if (!pool?.host) return { kind: 'none', reason: 'pool-without-host' };
  return { kind: 'ucwa', pool: pool.name, host: pool.host };
}

/** The source id a choice maps to: "graph", "ucwa:<pool>", or undefined for none. */
export function sourceIdOf(choice: SourceChoice): string | undefined {
  return choice.kind === 'graph' ? 'graph' : choice.kind === 'ucwa' ? `ucwa:${choice.pool}` : undefined;
}

/** Users grouped by the source that answers for them; users with none under undefined. */
export function groupBySource<U extends ChoosableUser>(users: readonly U[], pools: readonly ChoosablePool[]): Map<string | undefined, { choice: SourceChoice; users: U[] }> {
  const groups = new Map<string | undefined, { choice: SourceChoice; users: U[] }>();
  for (const u of users) {
    const choice = chooseSource(u, pools);
    const id = sourceIdOf(choice);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { choice, users: [] }));
    g.users.push(u);
  }
  return groups;
}

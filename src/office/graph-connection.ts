// The Microsoft Graph client as the presence panel uses it: a bearer token,
// a base URL that may be a Lync pool (or the simulator) rather than
// graph.microsoft.com — the client only sends the token to hosts listed in
// customHosts — and an undici dispatcher carrying the extra CA and the
// connect-to map.
import { Client } from '@microsoft/microsoft-graph-client';
import { createUndiciDispatcher, type ConnectToMap } from './connect-to';

export interface GraphConnectionOptions {
  /** E.g. https://graph.microsoft.com/v1.0 or the connection file's graphUrl. */
  baseUrl: string;
  token: string | (() => Promise<string>);
  ca?: string[];
  connectTo?: ConnectToMap;
}

export interface GraphConnection {
  client: Client;
  /** Closes the connections the dispatcher keeps alive. */
  close(): Promise<void>;
}

export function createGraphClient(options: GraphConnectionOptions): GraphConnection {
  const url = new URL(options.baseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  const dispatcher = createUndiciDispatcher({ ca: options.ca, connectTo: options.connectTo });
  const token = options.token;
  const client = Client.init({
    baseUrl: `${url.protocol}//${url.host}/`,
    defaultVersion: version,
    customHosts: new Set([url.hostname]),
    authProvider: (done) => {
      Promise.resolve(typeof token === 'string' ? token : token()).then(
        (t) => done(null, t),
        (err: unknown) => done(err, null),
      );
    },
    // undici's dispatcher option reaches Node's global fetch, which the client uses.
    fetchOptions: { dispatcher } as unknown as RequestInit,
  });
  return { client, close: () => dispatcher.close() };
}

export interface PresenceInfo {
  id: string;
  availability: string;
  activity: string;
}

export async function getPresencesByUserId(client: Client, ids: string[]): Promise<PresenceInfo[]> {
  const result = (await client.api('/communications/getPresencesByUserId').post({ ids })) as { value: PresenceInfo[] };
  return result.value;
}

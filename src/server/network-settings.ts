// Its own module: the probes and the server log both read it.
/** What the client may say about the network (initializationOptions.network, or the office-farm/network notification). */
export interface NetworkSettings {
  /** Default true: a standalone client runs probes only on the user's command anyway. */
  enabled?: boolean;
  /** Shown in the lens when disabled, e.g. "the workspace is not trusted". */
  disabledReason?: string;
  /** Extra trusted CA certificates, PEM text. */
  ca?: string[];
  /** curl --connect-to rules, HOST:PORT:ADDR:PORT. */
  connectTo?: string[];
  timeoutMs?: number;
  /** An explicit proxy (VS Code's http.proxy); false connects directly. */
  proxy?: string | false;
  noProxy?: string;
}

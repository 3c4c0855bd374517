// Credentials for the farm's EWS servers, kept only in VS Code's
// SecretStorage (the OS keychain), one per server host. The names of the
// hosts signed in to are kept in globalState, so "Sign Out" can forget
// every secret without a way to list SecretStorage; they are not secret.
// Nothing here logs a password or a token, or puts one in a setting, a URL
// or a webview.
import * as vscode from 'vscode';

export type OfficeCredential =
  | { kind: 'ntlm' | 'basic'; user: string; password: string }
  | { kind: 'bearer'; user: string; token: string };

/** The server a credential is for, as the prompts name it. */
export interface CredentialServer {
  /** The exchange block's name. */
  name: string;
  host: string;
}

const SECRET_PREFIX = 'office-farm.ews/';
const HOSTS_KEY = 'office-farm.signedInHosts';

export function isOfficeCredential(v: unknown): v is OfficeCredential {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  if (typeof c.user !== 'string' || c.user === '') return false;
  if (c.kind === 'ntlm' || c.kind === 'basic') return typeof c.password === 'string';
  return c.kind === 'bearer' && typeof c.token === 'string' && c.token !== '';
}

export class OfficeCredentials {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** A host whose credential changed, or undefined after Sign Out. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  async get(host: string): Promise<OfficeCredential | undefined> {
    const raw = await this.context.secrets.get(SECRET_PREFIX + host.toLowerCase());
    if (!raw) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      return isOfficeCredential(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  async store(host: string, credential: OfficeCredential): Promise<void> {
    const key = host.toLowerCase();
    await this.context.secrets.store(SECRET_PREFIX + key, JSON.stringify(credential));
    const hosts = new Set(this.hosts());
    hosts.add(key);
    await this.context.globalState.update(HOSTS_KEY, [...hosts]);
    this.changed.fire(key);
  }

  async forget(host: string): Promise<void> {
    const key = host.toLowerCase();
    await this.context.secrets.delete(SECRET_PREFIX + key);
    await this.context.globalState.update(HOSTS_KEY, this.hosts().filter((h) => h !== key));
    this.changed.fire(key);
  }

  /** "Office Farm: Sign Out": every stored credential. Returns the hosts forgotten. */
  async forgetAll(): Promise<string[]> {
    const hosts = this.hosts();
    for (const h of hosts) await this.context.secrets.delete(SECRET_PREFIX + h);
    await this.context.globalState.update(HOSTS_KEY, []);
    this.changed.fire(undefined);
    return hosts;
  }

  hosts(): string[] {
    const v = this.context.globalState.get<unknown>(HOSTS_KEY, []);
    return Array.isArray(v) ? v.filter((h): h is string => typeof h === 'string') : [];
  }

  /**
   * Asks for an account, a method and its secret, naming the server and the
   * account in each prompt; stores the answer. Undefined when cancelled.
   */
  async prompt(server: CredentialServer, suggestedAccount?: string): Promise<OfficeCredential | undefined> {
    const where = `${server.name} (${server.host})`;
    const user = await vscode.window.showInputBox({
      title: `Office Farm: sign in to ${where}`,
      prompt: 'Account: user@domain or DOMAIN\\name',
      value: suggestedAccount ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'An account is needed'),
    });
    if (!user?.trim()) return undefined;
    const account = user.trim();
    const method = await vscode.window.showQuickPick(
      [
        { label: 'NTLM', description: 'Windows integrated authentication', method: 'ntlm' as const },
        { label: 'Basic', description: 'user name and password (https only)', method: 'basic' as const },
        { label: 'OAuth bearer token', description: 'a token issued for Exchange', method: 'bearer' as const },
      ],
      { title: `Office Farm: how ${account} signs in to ${where}`, ignoreFocusOut: true },
    );
    if (!method) return undefined;
    const secret = await vscode.window.showInputBox({
      title: `Office Farm: sign in to ${where} as ${account}`,
      prompt: method.method === 'bearer' ? `Bearer token for ${account} on ${where}` : `Password for ${account} on ${where}`,
      password: true,
      ignoreFocusOut: true,
    });
    if (secret === undefined || secret === '') return undefined;
    const credential: OfficeCredential = method.method === 'bearer' ? { kind: 'bearer', user: account, token: secret } : { kind: method.method, user: account, password: secret };
    await this.store(server.host, credential);
    return credential;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

// Version pairings Microsoft lists as unsupported, as data (FARM326): the
// matrix the checks read. Each row names where the two servers meet (a
// feature's two roles, or an Office Web Apps farm and one of its WOPI hosts)
// and the versions of each side, inclusive; the sentence each row rests on
// is FARM326's source (rules/sources.ts) and the row's `why`.
import type { Role } from './features';
import { subscriptionOrder } from './versions';

export interface VersionSide {
  /** From this version on (language/versions.ts order), when given. */
  from?: number;
  /** Up to this version, when given. */
  to?: number;
}

export interface FeaturePairing {
  feature: string;
  first: VersionSide & { role: Role };
  second: VersionSide & { role: Role };
  why: string;
}

export interface WopiHostPairing {
  /** The kind of WOPI host (an office-web-apps farm's `hosts`). */
  host: 'sharepoint' | 'exchange' | 'lync';
  versions: VersionSide;
  why: string;
}

export const unsupportedFeaturePairings: FeaturePairing[] = [
  {
    feature: 'lync-presence',
    first: { role: 'lync', from: 2013, to: 2013 },
    second: { role: 'exchange', from: 2016, to: subscriptionOrder },
    why: 'IM integration between Lync Server 2013 and Exchange 2016 or later is not supported (use Skype for Business Server 2015 or later)',
  },
];

export const unsupportedWopiHosts: WopiHostPairing[] = [
  { host: 'sharepoint', versions: { to: 2010 }, why: "SharePoint 2010 Products can't be a host for Office Web Apps Server" },
  { host: 'exchange', versions: { to: 2013 }, why: "Office Web Apps Server isn't supported by Exchange Server 2013; Exchange points at it from 2016 on (Set-MailboxServer -WacDiscoveryEndpoint)" },
];

export function featurePairings(feature: string): FeaturePairing[] {
  return unsupportedFeaturePairings.filter((p) => p.feature === feature);
}

// The product versions each block kind takes, as data: the releases
// Microsoft shipped under each line (issue 17: real product versions only).
// A version is written as its year, or `subscription` for the Subscription
// Edition; the value checks (FARM110), the type's description, completion
// and docs/rules.md read this table.

/** How a version is written in a .farm file. */
export type VersionWord = number | 'subscription';

/**
 * Where a version sorts, for the version rules: the year, and for the
 * Subscription Edition a key after every year release. It is an order, not
 * a release date, and no message prints it (`versionName` says the name).
 */
export const subscriptionOrder = 9000;

export interface Release {
  written: VersionWord;
  /** As Microsoft names the product. */
  name: string;
}

export interface ProductLine {
  /** The product line as messages say it: "Lync Server / Skype for Business Server". */
  line: string;
  releases: Release[];
}

const exchange: ProductLine = {
  line: 'Exchange Server',
  releases: [
    { written: 2010, name: 'Exchange Server 2010' },
    { written: 2013, name: 'Exchange Server 2013' },
    { written: 2016, name: 'Exchange Server 2016' },
    { written: 2019, name: 'Exchange Server 2019' },
    { written: 'subscription', name: 'Exchange Server Subscription Edition' },
  ],
};

const sharepoint: ProductLine = {
  line: 'SharePoint Server',
  releases: [
    { written: 2010, name: 'SharePoint Server 2010' },
    { written: 2013, name: 'SharePoint Server 2013' },
    { written: 2016, name: 'SharePoint Server 2016' },
    { written: 2019, name: 'SharePoint Server 2019' },
    { written: 'subscription', name: 'SharePoint Server Subscription Edition' },
  ],
};

// Lync Server was renamed Skype for Business Server after 2013: there is no
// "Lync Server 2016".
const lync: ProductLine = {
  line: 'Lync Server / Skype for Business Server',
  releases: [
    { written: 2010, name: 'Lync Server 2010' },
    { written: 2013, name: 'Lync Server 2013' },
    { written: 2015, name: 'Skype for Business Server 2015' },
    { written: 2019, name: 'Skype for Business Server 2019' },
    { written: 'subscription', name: 'Skype for Business Server Subscription Edition' },
  ],
};

// Not part of issue 17's list: kept as the language had them.
const project: ProductLine = {
  line: 'Project Server',
  releases: [2010, 2013, 2016, 2019].map((y) => ({ written: y, name: `Project Server ${y}` })),
};
const officeWebApps: ProductLine = {
  line: 'Office Web Apps Server',
  releases: [2010, 2013, 2016, 2019].map((y) => ({ written: y, name: `Office Web Apps ${y}` })),
};

export const productLines = { exchange, sharepoint, lync, project, 'office-web-apps': officeWebApps } as const;

export type VersionedKind = keyof typeof productLines;

export function isVersionedKind(kind: string): kind is VersionedKind {
  return kind in productLines;
}

/** The sort key of a written version. */
export function versionOrder(v: VersionWord): number {
  return v === 'subscription' ? subscriptionOrder : v;
}

/** "Lync Server 2013", "Exchange Server Subscription Edition": a version of a kind by its name. */
export function versionName(kind: string, order: number): string {
  const line = isVersionedKind(kind) ? productLines[kind] : undefined;
  const release = line?.releases.find((r) => versionOrder(r.written) === order);
  if (release) return release.name;
  return order === subscriptionOrder ? 'Subscription Edition' : String(order);
}

/** A version as short views print it: the year, or "SE" (Microsoft's short name of the Subscription Edition). */
export function releaseLabel(order: number): string {
  return order === subscriptionOrder ? 'SE' : String(order);
}

/** Every word a version may be written as, in any line (completion of an unknown kind, the language's words). */
export const allVersionWords: VersionWord[] = [2010, 2013, 2015, 2016, 2019, 'subscription'];

/** Spellings administrators use for the Subscription Edition, for "did you mean". */
export const subscriptionAliases = ['se', 'subscription-edition', 'subscriptionedition', 'vnext'];

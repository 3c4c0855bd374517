import { version } from '../../package.json';

// Named so that an administrator reading IIS logs knows what called.
export const userAgent = `office-farm/${version} (metadata probe; node ${process.versions.node})`;

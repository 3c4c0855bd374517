// Node's socket and TLS errors in an administrator's words, sorted into
// FARM501 (the endpoint cannot be reached) and FARM502 (TLS refused it).

import { ProbeError } from './probe-error';

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_CHAIN_TOO_LONG',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'INVALID_CA',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
]);

const CA_FIX =
  'If the farm uses an internal CA, give its certificate with --ca (or the office-farm.network.ca setting); otherwise make the server send its full certificate chain.';

/** `endpoint` names what was being reached, e.g. "mail.contoso.com:443". */
export function explainNetworkError(err: unknown, endpoint: string, host: string): ProbeError {
  const e = err as NodeJS.ErrnoException & { reason?: string; cert?: { subjectaltname?: string; subject?: { CN?: string } } };
  const code = e?.code ?? '';
  const detail = e?.message ?? String(err);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
      return new ProbeError('FARM501', `the host name ${host} does not resolve (DNS: ${code})`, 'Check the host name, or the DNS records this computer uses; --connect-to can point a name at an address for a test.');
    case 'ECONNREFUSED':
      return new ProbeError('FARM501', `${endpoint} refused the connection`, 'Check that the web site (IIS) is running and bound to this port, and that no firewall rejects it.');
    case 'ECONNRESET':
    case 'EPIPE':
      return new ProbeError('FARM501', `${endpoint} reset the connection`, 'A firewall, load balancer or reverse proxy in between may be closing it; check the IIS site and its HTTPS binding.');
    case 'ETIMEDOUT':
      return new ProbeError('FARM501', `connecting to ${endpoint} timed out`, 'Check that the server is up and that a firewall lets port 443 through from this computer.');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return new ProbeError('FARM501', `no route to ${endpoint} (${code})`, 'Check the network path (routing, VPN, firewall) from this computer to the server.');
    case 'CERT_HAS_EXPIRED':
      return new ProbeError('FARM502', `the TLS certificate of ${endpoint} has expired`, 'Renew the certificate and bind the new one to the HTTPS site in IIS.');
    case 'CERT_NOT_YET_VALID':
      return new ProbeError('FARM502', `the TLS certificate of ${endpoint} is not valid yet`, "Check the clocks of this computer and the server, or wait until the certificate's start date.");
    case 'ERR_TLS_CERT_ALTNAME_INVALID': {
      const names = (e.cert?.subjectaltname ?? '').split(', ').map((n) => n.replace(/^(DNS|IP Address):/, '')).filter(Boolean);
      const issuedFor = names.length ? names.join(', ') : e.cert?.subject?.CN;
      return new ProbeError(
        'FARM502',
        `the TLS certificate of ${endpoint} is not issued for ${host}${issuedFor ? ` but for ${issuedFor}` : ''}`,
        `Use a host name that the certificate names, or issue a certificate whose subject alternative names include ${host}.`,
      );
    }
    case 'CERT_REVOKED':
      return new ProbeError('FARM502', `the TLS certificate of ${endpoint} has been revoked`, 'Issue and bind a new certificate.');
  }
  if (UNTRUSTED.has(code)) {
    return new ProbeError('FARM502', `the TLS certificate of ${endpoint} is not trusted (${code})`, CA_FIX);
  }
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO' || code.startsWith('ERR_TLS_')) {
    return new ProbeError('FARM502', `the TLS handshake with ${endpoint} failed (${detail})`, 'Check that the port serves HTTPS (not plain HTTP) and that the server allows TLS 1.2 or later.');
  }
  return new ProbeError('FARM501', `${endpoint} cannot be reached (${code || detail})`, 'Check that the server is up and reachable from this computer.');
}

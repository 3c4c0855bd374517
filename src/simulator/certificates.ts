// The simulator's X.509 material: one certificate authority, TLS server
// certificates it issues per host name, and self-signed S2S signing
// certificates such as Exchange, SharePoint and Lync publish in their
// metadata documents.
//
// node-forge builds the certificates; Node's own crypto generates the RSA
// keys and computes the signatures, because forge's pure-JavaScript RSA is
// slow enough (seconds per key) to dominate a test run.
import * as crypto from 'node:crypto';
import forge from 'node-forge';

export interface Pem {
  cert: string;
  key: string;
}

export interface Validity {
  notBefore?: Date;
  notAfter?: Date;
}

const DAY = 24 * 60 * 60 * 1000;
// Back-dating by an hour keeps a freshly issued certificate valid on a
// machine whose clock is a little behind the one that issued it.
const CLOCK_SKEW = 60 * 60 * 1000;

/** PEM-encoded RSA private key (PKCS#1), generated natively. */
export function generateRsaKey(): string {
  return crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  }).privateKey;
}

/** The same, on libuv's thread pool, so that several keys are made at once. */
export function generateRsaKeyAsync(): Promise<string> {
  return new Promise((resolve, reject) =>
    crypto.generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      },
      (err, _publicKey, privateKey) => (err ? reject(err) : resolve(privateKey)),
    ),
  );
}

export function createCertificateAuthority(opts: Validity & { commonName?: string; key?: string } = {}): Pem {
  const key = opts.key ?? generateRsaKey();
  const cert = newCertificate(key, {
    notBefore: opts.notBefore ?? new Date(Date.now() - CLOCK_SKEW),
    notAfter: opts.notAfter ?? new Date(Date.now() + 10 * 365 * DAY),
  });
  const name = [
    { name: 'commonName', value: opts.commonName ?? 'Office Farm Simulator CA' },
    { name: 'organizationName', value: 'Office Farm Simulator' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  return { cert: signCertificate(cert, key), key };
}

/**
 * A TLS server certificate signed by `ca`, naming every host in its subject
 * alternative names (an address such as 127.0.0.1 becomes an IP entry).
 */
export function issueTlsCertificate(ca: Pem, hostNames: string[], opts: Validity & { key?: string } = {}): Pem {
  if (hostNames.length === 0) throw new Error('a TLS certificate needs at least one host name');
  const key = opts.key ?? generateRsaKey();
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const cert = newCertificate(key, {
    notBefore: opts.notBefore ?? new Date(Date.now() - CLOCK_SKEW),
    // 397 days: the longest validity that browsers and current TLS stacks accept.
    notAfter: opts.notAfter ?? new Date(Date.now() + 397 * DAY),
  });
  cert.setSubject([{ name: 'commonName', value: hostNames[0] }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hostNames.map((h) => (isIpAddress(h) ? { type: 7, ip: h } : { type: 2, value: h })),
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  return { cert: signCertificate(cert, ca.key), key };
}

/** A self-signed certificate for signing S2S tokens (what `keys[].keyvalue.value` carries). */
export function createSigningCertificate(subject: string, opts: Validity & { key?: string } = {}): Pem {
  const key = opts.key ?? generateRsaKey();
  const cert = newCertificate(key, {
    notBefore: opts.notBefore ?? new Date(Date.now() - CLOCK_SKEW),
    notAfter: opts.notAfter ?? new Date(Date.now() + 2 * 365 * DAY),
  });
  const name = [{ name: 'commonName', value: subject }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  return { cert: signCertificate(cert, key), key };
}

/** The certificate's DER bytes, base64 (the metadata document's `value`). */
export function certificateDerBase64(certPem: string): string {
  return new crypto.X509Certificate(certPem).raw.toString('base64');
}

/** base64url SHA-1 of the DER bytes: the `x5t` thumbprint. */
export function x5tThumbprint(certPem: string): string {
  return crypto.createHash('sha1').update(new crypto.X509Certificate(certPem).raw).digest('base64url');
}

function newCertificate(keyPem: string, validity: { notBefore: Date; notAfter: Date }): forge.pki.Certificate {
  if (validity.notAfter <= validity.notBefore) throw new Error('a certificate must end after it begins');
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    crypto.createPublicKey(keyPem).export({ type: 'spki', format: 'pem' }).toString(),
  );
  // A positive 16-byte serial: a leading 0x00-0x7f byte keeps the DER integer positive.
  const serial = crypto.randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  return cert;
}

function signCertificate(cert: forge.pki.Certificate, signerKeyPem: string): string {
  // forge hands its signer a digest object already fed with the
  // TBSCertificate; the native key signs its DigestInfo (PKCS#1 v1.5).
  const nativeSigner = {
    sign(md: forge.md.MessageDigest): string {
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      const digestInfo = Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]);
      const signature = crypto.privateEncrypt(
        { key: signerKeyPem, padding: crypto.constants.RSA_PKCS1_PADDING },
        digestInfo,
      );
      return signature.toString('binary');
    },
  };
  cert.sign(nativeSigner as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  // forge ends PEM lines with CRLF; files and JSON read better with LF.
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
}

// DER of DigestInfo { AlgorithmIdentifier sha256, OCTET STRING (32 bytes) } up to the digest.
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

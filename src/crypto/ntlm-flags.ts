// NTLM message signature and negotiate flags (MS-NLMP 2.2.2.5), shared by
// the client (src/office) and the simulator's server side.
export const SIGNATURE = Buffer.from('NTLMSSP\0', 'ascii');

export const NEGOTIATE_UNICODE = 0x00000001;
export const REQUEST_TARGET = 0x00000004;
export const NEGOTIATE_NTLM = 0x00000200;
export const NEGOTIATE_ALWAYS_SIGN = 0x00008000;
export const TARGET_TYPE_DOMAIN = 0x00010000;
export const NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
export const NEGOTIATE_TARGET_INFO = 0x00800000;
export const NEGOTIATE_VERSION = 0x02000000;
export const NEGOTIATE_128 = 0x20000000;
export const NEGOTIATE_56 = 0x80000000;

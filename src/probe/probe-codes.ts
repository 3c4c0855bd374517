// The live-probe rules of rules.md (FARM5xx). The probe produces these; the
// checker never does, so they live beside the probe rather than in the
// core's rule catalogue.

export type ProbeCode =
  | 'FARM501'
  | 'FARM502'
  | 'FARM503'
  | 'FARM504'
  | 'FARM505'
  | 'FARM506'
  | 'FARM507'
  | 'FARM508'
  | 'FARM509'
  | 'FARM510';

export type ProbeSeverity = 'error' | 'warning';

export const probeSeverity: Readonly<Record<ProbeCode, ProbeSeverity>> = {
  FARM501: 'error',
  FARM502: 'error',
  FARM503: 'error',
  FARM504: 'error',
  FARM505: 'error',
  FARM506: 'warning',
  FARM507: 'error',
  FARM508: 'warning',
  FARM509: 'warning',
  FARM510: 'warning',
};

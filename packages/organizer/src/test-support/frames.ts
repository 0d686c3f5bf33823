import type { OrganizeFrame } from '../plan/plan-types.js';

export function light(relativePath: string, fields: Partial<OrganizeFrame> = {}): OrganizeFrame {
  return {
    relativePath,
    kind: 'light',
    filter: null,
    target: null,
    night: null,
    exposureSeconds: null,
    binning: null,
    gain: null,
    offset: null,
    rotatorAngle: null,
    ...fields,
  };
}

import type { Role } from '../../shared/enums';

/** Who is making the request. Built once per request by the auth plugin; passed to every service. */
export interface Actor {
  /** undefined for anonymous visitors */
  userId?: string;
  role: Role | 'public';
  name?: string;
  email?: string;
  /** companies the person is a member of (sme, supplier) */
  companyIds: string[];
  /** associations the person works for (partner) */
  associationIds: string[];
  sessionId?: string;
  ip: string;
  requestId: string;
}

export const systemActor = (requestId = 'system'): Actor => ({
  role: 'admin',
  companyIds: [],
  associationIds: [],
  ip: '127.0.0.1',
  requestId,
  name: 'system',
});

export const isStaff = (a: Actor) => a.role === 'admin' || a.role === 'manager';

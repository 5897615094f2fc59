import { describe, expect, it } from 'vitest';
import { adminAccountBase } from '../../../src/hr/secondary-accounts';

describe('adminAccountBase', () => {
  it('reads the user name an admin account is named after', () => {
    expect(adminAccountBase('adm-jsmith')).toBe('jsmith');
    expect(adminAccountBase('ADMIN_JSmith')).toBe('jsmith');
    expect(adminAccountBase('jsmith-adm')).toBe('jsmith');
    expect(adminAccountBase('jsmith.admin')).toBe('jsmith');
    expect(adminAccountBase('a-jsmith')).toBe('jsmith');
  });

  it('leaves other names alone', () => {
    expect(adminAccountBase('administrator')).toBeUndefined();
    expect(adminAccountBase('svc-admin-portal')).toBeUndefined();
    expect(adminAccountBase('adm-x')).toBeUndefined();
    expect(adminAccountBase('badminton')).toBeUndefined();
  });
});

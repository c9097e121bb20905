import { describe, expect, it } from 'vitest';
import {
  checkPasswordStrength,
  minPasswordLength as serverMinimum,
} from '../../src/data/security/secrets.ts';
import { minPasswordLength, passwordChangeProblem } from '../../web/src/features/account/passwordChange.ts';

describe('password change form checks', () => {
  it('asks for the length the server asks for', () => {
    expect(minPasswordLength).toBe(serverMinimum);
    expect(() => checkPasswordStrength('x'.repeat(minPasswordLength - 1))).toThrow(/at least 12/);
    expect(() => checkPasswordStrength('x'.repeat(minPasswordLength))).not.toThrow();
  });

  it('names the field and the reason of each problem, the length first', () => {
    const current = 'correct horse battery';
    expect(
      passwordChangeProblem({ currentPassword: current, newPassword: 'short', confirm: 'other' }),
    ).toEqual({
      field: 'newPassword',
      key: 'tooShort',
    });
    expect(
      passwordChangeProblem({ currentPassword: current, newPassword: current, confirm: current }),
    ).toEqual({
      field: 'newPassword',
      key: 'same',
    });
    expect(
      passwordChangeProblem({
        currentPassword: current,
        newPassword: 'staple battery horse',
        confirm: 'staple',
      }),
    ).toEqual({ field: 'confirm', key: 'mismatch' });
    expect(
      passwordChangeProblem({
        currentPassword: current,
        newPassword: 'staple battery horse',
        confirm: 'staple battery horse',
      }),
    ).toBeNull();
    // Twelve characters are enough, eleven are not.
    expect(
      passwordChangeProblem({
        currentPassword: current,
        newPassword: 'abcdefghijkl',
        confirm: 'abcdefghijkl',
      }),
    ).toBeNull();
    expect(
      passwordChangeProblem({ currentPassword: current, newPassword: 'abcdefghijk', confirm: 'abcdefghijk' }),
    ).toEqual({ field: 'newPassword', key: 'tooShort' });
  });
});

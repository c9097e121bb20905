/**
 * The shortest password the server accepts (src/data/security/secrets.ts minPasswordLength; test/web/account.test.ts
 * checks the two agree). The form checks it first so that the message is in the user's language.
 */
export const minPasswordLength = 12;

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The new password typed a second time; never sent. */
  confirm: string;
}

/** A problem the form can see before asking the server: the field it is about and the text key that explains it. */
export interface PasswordProblem {
  field: 'newPassword' | 'confirm';
  key: 'tooShort' | 'same' | 'mismatch';
}

/** What is wrong with a change before it is sent (null: send it); the server checks the same and the current password. */
export function passwordChangeProblem(change: PasswordChange): PasswordProblem | null {
  if (change.newPassword.length < minPasswordLength) return { field: 'newPassword', key: 'tooShort' };
  if (change.newPassword === change.currentPassword) return { field: 'newPassword', key: 'same' };
  if (change.confirm !== change.newPassword) return { field: 'confirm', key: 'mismatch' };
  return null;
}

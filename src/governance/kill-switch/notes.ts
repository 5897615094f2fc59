/** What every operator of a disable must know: it does not end a session the account already has. */
export const KERBEROS_NOTE =
  'Kerberos tickets issued before the disable stay valid until they expire (up to 10 hours by default): ' +
  'a session the account already has goes on until then. Resetting the password as well stops new tickets being ' +
  'requested with the old one.';

/** An undo cannot bring back a password nobody knows. */
export const PASSWORD_NOT_RESTORED_NOTE =
  'The random password set by the containment stays: the old one cannot be restored. Set a new password and hand it to the account owner.';

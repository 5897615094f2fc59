/**
 * Two account attributes the first schema lacked: `info` (the "Notes" field,
 * where administrators often write an account's purpose or owner) and
 * `proxyAddresses` (every e-mail address of the account, which matching
 * accounts to HR records needs besides `mail`).
 */
export const statements: readonly string[] = [
  `ALTER TABLE accounts ADD COLUMN info TEXT`,
  `ALTER TABLE accounts ADD COLUMN proxy_addresses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(proxy_addresses))`,
];

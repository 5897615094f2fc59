import { DNS_DOMAIN } from './domain';
import { BOTS_OU, IT_OU, SERVICE_OU } from './company/layout';

export interface BindAccount {
  sAMAccountName: string;
  userPrincipalName: string;
  dn: string;
  password: string;
}

function account(sam: string, parentDn: string, password: string): BindAccount {
  return { sAMAccountName: sam, userPrincipalName: `${sam}@${DNS_DOMAIN}`, dn: `CN=${sam},${parentDn}`, password };
}

/**
 * The only seeded accounts with a password: the ones tests bind as. Every
 * other account has none, which keeps seeding fast.
 */
export const BIND_ACCOUNTS = {
  /** Holds read/write property rights on OU=Helpdesk-Managed only. */
  helpdesk: account('hd-tier1', IT_OU, 'Helpdesk!Tier1-2024'),
  /** An ordinary domain user, the kind of account Warden is run with. */
  operator: account('op-warden', IT_OU, 'Operator!Warden-2024'),
  serviceAccount: account('svc-app-bind', SERVICE_OU, 'AppBind!Service-2024'),
  bot: account('bot-ci-runner', BOTS_OU, 'CiRunner!Bot-2024'),
} as const satisfies Record<string, BindAccount>;

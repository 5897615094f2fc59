import { ConnectionTargetSchema, type ConnectionProfile, type ConnectionTarget } from './schemas';

/** What a saved profile says about reaching its DC; the password and any plain-LDAP confirmation come with each use. */
export function profileTarget(profile: ConnectionProfile): ConnectionTarget {
  return ConnectionTargetSchema.parse({
    host: profile.host,
    ...(profile.port === undefined ? {} : { port: profile.port }),
    transport: profile.transport,
    allowPlainLdap: profile.allowPlainLdap,
    ...(profile.caPem === undefined ? {} : { caPem: profile.caPem }),
    ...(profile.serverName === undefined ? {} : { serverName: profile.serverName }),
    bindName: profile.bindName,
    ...(profile.baseDn === undefined ? {} : { baseDn: profile.baseDn }),
  });
}

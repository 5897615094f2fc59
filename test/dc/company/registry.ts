/**
 * Keeps generated names unique the way AD requires: sAMAccountName and SPNs
 * domain-wide, mail addresses by convention, CNs within their parent.
 */
export class NameRegistry {
  private readonly sams = new Set<string>();
  private readonly mails = new Set<string>();
  private readonly rdns = new Set<string>();
  private readonly spns = new Set<string>();

  /** `base`, or `base2`, `base3`… Names ending in `$` keep the `$` last. */
  sam(base: string): string {
    const dollar = base.endsWith('$') ? '$' : '';
    const stem = dollar ? base.slice(0, -1) : base;
    for (let n = 1; ; n += 1) {
      const candidate = `${stem}${n === 1 ? '' : n}${dollar}`;
      if (!this.sams.has(candidate.toLowerCase())) {
        this.sams.add(candidate.toLowerCase());
        return candidate;
      }
    }
  }

  mail(local: string, domain: string): string {
    for (let n = 1; ; n += 1) {
      const candidate = `${local}${n === 1 ? '' : n}@${domain}`;
      if (!this.mails.has(candidate.toLowerCase())) {
        this.mails.add(candidate.toLowerCase());
        return candidate;
      }
    }
  }

  cn(base: string, parentDn: string): string {
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? base : `${base} ${n}`;
      const key = `${candidate.toLowerCase()}|${parentDn.toLowerCase()}`;
      if (!this.rdns.has(key)) {
        this.rdns.add(key);
        return candidate;
      }
    }
  }

  /** A host name no SPN uses yet: `sql01`, `sql01-2`… */
  spnHost(serviceClass: string, host: string): string {
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? host : `${host}-${n}`;
      const key = `${serviceClass}/${candidate}`.toLowerCase();
      if (!this.spns.has(key)) {
        this.spns.add(key);
        return candidate;
      }
    }
  }
}

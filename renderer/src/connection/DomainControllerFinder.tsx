import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { OperationOutput } from '../api/contract-types';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';

const useStyles = makeStyles({
  finder: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  found: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Found = OperationOutput<'discoverDomainControllers'>;

interface Props {
  domain: string;
  onPick: (host: string) => void;
}

/** Finds the domain's controllers the way Windows does (DNS SRV records) and lets the user pick one as the host. */
export function DomainControllerFinder({ domain, onPick }: Props) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found | undefined>(undefined);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);

  const find = async () => {
    setBusy(true);
    setError(undefined);
    setFound(undefined);
    try {
      const controllers = await call('discoverDomainControllers', { domain });
      setFound(controllers);
      const first = controllers[0];
      if (first !== undefined) onPick(first.host);
    } catch (caught) {
      setError(toWardenApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.finder}>
      <div className={styles.found}>
        <Button icon={<Search20Regular />} disabled={busy || domain.trim() === ''} onClick={() => void find()}>
          {busy ? 'Looking up…' : 'Find domain controllers'}
        </Button>
        {found !== undefined && found.length > 0 && <Caption1>Found in DNS, in the order to try them:</Caption1>}
        {found?.map((dc) => (
          <Button key={dc.host} size="small" appearance="subtle" onClick={() => onPick(dc.host)}>
            {dc.host}
          </Button>
        ))}
      </div>
      {domain.trim() === '' && <Caption1>Enter the domain above to look its domain controllers up in DNS.</Caption1>}
      {error !== undefined && <ErrorMessageBar title="No domain controller found" error={error} />}
    </div>
  );
}

import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import type { AccountDetail } from '../risk/risk-types';
import { AccountDetailView } from './AccountDetailView';

interface Props {
  objectGuid: string;
  /** The name to show while the detail loads. */
  samAccountName: string;
  onClose: () => void;
  /** Something was set on the account: what lists it must be read again. */
  onChanged: () => void;
}

/** One account's detail over the page it was opened from. */
export function AccountDrawer({ objectGuid, samAccountName, onClose, onChanged }: Props) {
  const load = useCallback(() => call('getAccountAssessment', { objectGuid }), [objectGuid]);
  const { data, error, loading, reload } = useWardenQuery(load);
  // The answer to a change is the new assessment: shown at once, without asking again.
  const [saved, setSaved] = useState<AccountDetail | undefined>(undefined);
  const detail = saved ?? data;

  return (
    <OverlayDrawer
      open
      position="end"
      size="medium"
      aria-label={`Account ${samAccountName}`}
      onOpenChange={(_event, state) => !state.open && onClose()}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}
        >
          {samAccountName}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {error !== undefined && (
          <ErrorMessageBar
            title="The account could not be read"
            error={error}
            actions={<Button onClick={reload}>Try again</Button>}
          />
        )}
        {detail === undefined ? (
          loading && <Spinner label="Reading the account…" />
        ) : (
          <AccountDetailView
            detail={detail}
            onSaved={(next) => {
              setSaved(next);
              onChanged();
            }}
          />
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}

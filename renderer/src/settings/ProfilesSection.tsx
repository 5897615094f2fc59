import {
  Badge,
  Body1,
  Button,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular, Edit20Regular, KeyReset20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { useWardenQuery } from '../api/use-warden-query';
import { useNavigation } from '../app/navigation';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { defaultPorts, formFromProfile, toProfilePayload, transportLabels } from '../connection/connection-form-model';
import { prefersScanningChanges } from '../scan/prefers-scanning-changes';
import { ScanFlowDialogs } from '../scan/ScanFlowDialogs';
import { ScanProfileButtons } from '../scan/ScanProfileButtons';
import { useScanFlow } from '../scan/use-scan-flow';
import { DeleteProfileDialog } from './DeleteProfileDialog';
import { SettingsSection } from './SettingsSection';

const loadProfiles = () => call('listProfiles', {});
const loadSnapshot = () => call('getLatestSnapshot', {});

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
  // Room for the two scan buttons, edit and delete on one line.
  actionsHeader: { width: '300px' },
  // Bind names (UPNs, DNs) have no spaces to break at: let them wrap anywhere rather than overflow.
  bindName: { overflowWrap: 'anywhere' },
  password: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

function shortTransport(profile: ConnectionProfile): string {
  const label = transportLabels[profile.transport].split(' (')[0] ?? profile.transport;
  return `${label}, port ${profile.port ?? defaultPorts[profile.transport]}`;
}

export function ProfilesSection() {
  const styles = useStyles();
  const { openConnectionForm } = useNavigation();
  const profiles = useWardenQuery(loadProfiles);
  const latest = useWardenQuery(loadSnapshot);
  const scan = useScanFlow(latest.reload);
  const [deleting, setDeleting] = useState<ConnectionProfile | undefined>(undefined);
  const [forgetError, setForgetError] = useState<WardenApiError | undefined>(undefined);

  // Saving the profile as it is, without "remember", forgets its password (and the store audits it).
  const forgetPassword = async (profile: ConnectionProfile) => {
    setForgetError(undefined);
    try {
      await call('saveProfile', toProfilePayload({ ...formFromProfile(profile), savePassword: false }, ''));
    } catch (caught) {
      setForgetError(toWardenApiError(caught));
    }
    profiles.reload();
  };

  const addButton = (
    <Button icon={<Add20Regular />} onClick={() => openConnectionForm('settings')}>
      Add profile
    </Button>
  );

  return (
    <SettingsSection title="Connection profiles" actions={addButton}>
      {profiles.error !== undefined && (
        <ErrorMessageBar title="Could not read connection profiles" error={profiles.error} />
      )}
      {forgetError !== undefined && <ErrorMessageBar title="The password was not forgotten" error={forgetError} />}
      {profiles.data === undefined ? (
        profiles.loading && <Spinner size="small" label="Loading profiles…" />
      ) : profiles.data.length === 0 ? (
        <Body1 className={styles.muted}>
          No connection profiles yet. Add one to tell Warden which domain controller to read, and with which account.
        </Body1>
      ) : (
        <Table aria-label="Connection profiles" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Host</TableHeaderCell>
              <TableHeaderCell>Transport</TableHeaderCell>
              <TableHeaderCell>Bind as</TableHeaderCell>
              <TableHeaderCell>Password</TableHeaderCell>
              <TableHeaderCell className={styles.actionsHeader}>
                <span className="visually-hidden">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {profiles.data.map((profile) => (
              <TableRow key={profile.id}>
                <TableCell>
                  <TableCellLayout description={profile.domain === '' ? undefined : profile.domain}>
                    {profile.name}
                  </TableCellLayout>
                </TableCell>
                <TableCell>{profile.host}</TableCell>
                <TableCell>{shortTransport(profile)}</TableCell>
                <TableCell className={styles.bindName}>{profile.bindName}</TableCell>
                <TableCell>
                  {profile.hasSavedPassword ? (
                    <div className={styles.password}>
                      <Badge appearance="tint" color="informative">
                        Saved
                      </Badge>
                      <Button
                        appearance="subtle"
                        size="small"
                        icon={<KeyReset20Regular />}
                        aria-label={`Forget the saved password of profile ${profile.name}`}
                        title="Forget the saved password"
                        onClick={() => void forgetPassword(profile)}
                      />
                    </div>
                  ) : (
                    <span className={styles.muted}>Not saved</span>
                  )}
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <ScanProfileButtons
                      size="small"
                      profileName={profile.name}
                      preferChanges={prefersScanningChanges(latest.data, profile.id)}
                      onScan={(incremental) => scan.begin({ profile, incremental })}
                    />
                    <Button
                      appearance="subtle"
                      icon={<Edit20Regular />}
                      aria-label={`Edit profile ${profile.name}`}
                      title="Edit"
                      onClick={() => openConnectionForm('settings', profile)}
                    />
                    <Button
                      appearance="subtle"
                      icon={<Delete20Regular />}
                      aria-label={`Delete profile ${profile.name}`}
                      title="Delete"
                      onClick={() => setDeleting(profile)}
                    />
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ScanFlowDialogs flow={scan} />
      <DeleteProfileDialog
        profile={deleting}
        onClose={() => setDeleting(undefined)}
        onDeleted={() => {
          setDeleting(undefined);
          profiles.reload();
        }}
      />
    </SettingsSection>
  );
}

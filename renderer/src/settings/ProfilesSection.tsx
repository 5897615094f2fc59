import {
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
import { Add20Regular, Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import { useNavigation } from '../app/navigation';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { defaultPorts, transportLabels } from '../connection/connection-form-model';
import { DeleteProfileDialog } from './DeleteProfileDialog';
import { SettingsSection } from './SettingsSection';

const loadProfiles = () => call('listProfiles', {});

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
  actionsHeader: { width: '96px' },
});

function shortTransport(profile: ConnectionProfile): string {
  const label = transportLabels[profile.transport].split(' (')[0] ?? profile.transport;
  return `${label}, port ${profile.port ?? defaultPorts[profile.transport]}`;
}

export function ProfilesSection() {
  const styles = useStyles();
  const { openConnectionForm } = useNavigation();
  const profiles = useWardenQuery(loadProfiles);
  const [deleting, setDeleting] = useState<ConnectionProfile | undefined>(undefined);

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
                <TableCell>{profile.bindName}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
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

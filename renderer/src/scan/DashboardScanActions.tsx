import { Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConnectionProfile, SnapshotSummary } from '../api/contract-types';
import { prefersScanningChanges } from './prefers-scanning-changes';
import { ScanProfileButtons } from './ScanProfileButtons';
import type { ScanChoice } from './use-scan-flow';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  picker: { minWidth: '220px' },
});

interface Props {
  /** Not empty: with no profile there is nothing to scan. */
  profiles: ConnectionProfile[];
  latest: SnapshotSummary | null;
  onScan: (choice: ScanChoice) => void;
}

/** Scanning from the dashboard: the profile to scan when there are several, and the two kinds of scan. */
export function DashboardScanActions({ profiles, latest, onScan }: Props) {
  const styles = useStyles();
  const [pickedId, setPickedId] = useState<string | undefined>(undefined);
  // The current snapshot's own profile comes first, until the user picks another.
  const profile = profiles.find((candidate) => candidate.id === (pickedId ?? latest?.profileId)) ?? profiles[0];
  if (profile === undefined) return null;

  return (
    <div className={styles.root}>
      {profiles.length > 1 && (
        <Field label="Profile to scan" className={styles.picker}>
          <Dropdown
            value={profile.name}
            selectedOptions={[profile.id]}
            onOptionSelect={(_event, data) => setPickedId(data.optionValue)}
          >
            {profiles.map((candidate) => (
              <Option key={candidate.id} value={candidate.id} text={candidate.name}>
                {`${candidate.name} (${candidate.host})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <ScanProfileButtons
        preferChanges={prefersScanningChanges(latest, profile.id)}
        profileName={profiles.length > 1 ? undefined : profile.name}
        onScan={(incremental) => onScan({ profile, incremental })}
      />
    </div>
  );
}

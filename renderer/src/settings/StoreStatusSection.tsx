import {
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { StoreStatus } from '../api/contract-types';
import { useSession } from '../app/session';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  row: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  path: { fontFamily: tokens.fontFamilyMonospace },
});

const protectionLabels: Record<StoreStatus['keyProtection'], string> = {
  'os-keystore': 'Key held by the operating system keystore',
  passphrase: 'Key derived from your passphrase',
  none: 'Not protected',
};

export function StoreStatusSection() {
  const styles = useStyles();
  const { store } = useSession().appInfo;
  return (
    <SettingsSection title="Encrypted store">
      {store.warning !== undefined && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Key protection</MessageBarTitle>
            {store.warning}
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.list}>
        <div className={styles.row}>
          <dt className={styles.term}>State</dt>
          <dd className={styles.value}>{store.state === 'open' ? 'Open' : 'Locked'}</dd>
        </div>
        <div className={styles.row}>
          <dt className={styles.term}>Key protection</dt>
          <dd className={styles.value}>{protectionLabels[store.keyProtection]}</dd>
        </div>
        <div className={styles.row}>
          <dt className={styles.term}>File</dt>
          <dd className={mergeClasses(styles.value, styles.path)}>{store.path}</dd>
        </div>
        {store.schemaVersion !== undefined && (
          <div className={styles.row}>
            <dt className={styles.term}>Schema version</dt>
            <dd className={styles.value}>{store.schemaVersion}</dd>
          </div>
        )}
      </dl>
    </SettingsSection>
  );
}

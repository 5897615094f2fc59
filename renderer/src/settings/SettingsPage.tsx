import { makeStyles, tokens } from '@fluentui/react-components';
import { PageHeader } from '../components/PageHeader';
import { ProfilesSection } from './ProfilesSection';
import { RiskPolicySection } from './RiskPolicySection';
import { StoreStatusSection } from './StoreStatusSection';
import { ThemeSettings } from './ThemeSettings';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function SettingsPage() {
  const styles = useStyles();
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="How Warden looks, where it keeps its data and which domains it reads, and how accounts are scored."
      />
      <div className={styles.stack}>
        <ProfilesSection />
        <RiskPolicySection />
        <ThemeSettings />
        <StoreStatusSection />
      </div>
    </>
  );
}

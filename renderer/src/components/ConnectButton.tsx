import { Button } from '@fluentui/react-components';
import { PlugConnected20Regular } from '@fluentui/react-icons';
import { useNavigation } from '../app/navigation';
import type { NavPage } from '../app/routes';

/** The one way to get real data in: opens the connection form, coming back to `from`. */
export function ConnectButton({
  from,
  appearance = 'primary',
}: {
  from: NavPage;
  appearance?: 'primary' | 'secondary';
}) {
  const { openConnectionForm } = useNavigation();
  return (
    <Button appearance={appearance} icon={<PlugConnected20Regular />} onClick={() => openConnectionForm(from)}>
      Connect to a domain
    </Button>
  );
}

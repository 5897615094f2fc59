import { Button, type ButtonProps } from '@fluentui/react-components';
import { ArrowSync20Regular, DatabaseSearch20Regular } from '@fluentui/react-icons';

interface Props {
  onScan: (incremental: boolean) => void;
  /** Make "Scan changes" the primary button (a complete live snapshot exists). */
  preferChanges: boolean;
  /** Names the profile to screen readers when several rows offer the same buttons. */
  profileName?: string;
  size?: ButtonProps['size'];
  disabled?: boolean;
}

export function ScanProfileButtons({ onScan, preferChanges, profileName, size, disabled }: Props) {
  const ofProfile = profileName === undefined ? '' : ` of profile ${profileName}`;
  return (
    <>
      <Button
        appearance={preferChanges ? 'primary' : 'secondary'}
        size={size}
        icon={<ArrowSync20Regular />}
        disabled={disabled}
        aria-label={`Scan changes${ofProfile}`}
        onClick={() => onScan(true)}
      >
        Scan changes
      </Button>
      <Button
        appearance={preferChanges ? 'secondary' : 'primary'}
        size={size}
        icon={<DatabaseSearch20Regular />}
        disabled={disabled}
        aria-label={`Full scan${ofProfile}`}
        onClick={() => onScan(false)}
      >
        Full scan
      </Button>
    </>
  );
}

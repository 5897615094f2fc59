import { Button, Tooltip } from '@fluentui/react-components';
import { Prohibited20Regular } from '@fluentui/react-icons';
import { memo } from 'react';

interface Props {
  /** How many accounts are selected. */
  count: number;
  /** Why the selected accounts cannot be disabled from here, if they cannot. */
  unavailable: string | undefined;
  onDisable: () => void;
}

/** The kill switch for the rows ticked in the Inventory; says why when it cannot be used. */
export const DisableSelectedButton = memo(function DisableSelectedButton({ count, unavailable, onDisable }: Props) {
  return (
    <Tooltip
      relationship="description"
      content={
        unavailable ?? 'Reads the selected accounts from AD and shows the plan; nothing changes before you confirm it.'
      }
    >
      <Button icon={<Prohibited20Regular />} disabledFocusable={unavailable !== undefined} onClick={onDisable}>
        {`Disable selected (${count.toLocaleString()})…`}
      </Button>
    </Tooltip>
  );
});

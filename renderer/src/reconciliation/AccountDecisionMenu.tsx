import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ChevronDown16Regular } from '@fluentui/react-icons';
import { DECISIONS } from './MatchDecisionDialog';
import type { AccountResult, MatchDecisionKind } from './outcomes';

interface Props {
  account: AccountResult;
  onDecide: (decision: MatchDecisionKind) => void;
}

/** The decisions a person can take about an account the rules left undecided. */
export function AccountDecisionMenu({ account, onDecide }: Props) {
  const decisions = Object.keys(DECISIONS) as MatchDecisionKind[];
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          icon={<ChevronDown16Regular />}
          iconPosition="after"
          aria-label={`Decide about ${account.samAccountName}`}
        >
          Decide
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {decisions.map((decision) => (
            <MenuItem key={decision} onClick={() => onDecide(decision)}>
              {DECISIONS[decision].action}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

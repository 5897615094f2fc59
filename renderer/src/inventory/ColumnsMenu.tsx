import { memo } from 'react';
import {
  Button,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { ColumnTriple20Regular } from '@fluentui/react-icons';
import { ALL_COLUMNS, COLUMN_LABELS, DEFAULT_COLUMNS, normalizeColumns } from './inventory-columns';
import type { InventoryColumn } from './inventory-types';

interface Props {
  columns: readonly InventoryColumn[];
  onChange: (columns: InventoryColumn[]) => void;
}

/** Which columns the table shows; the account's name always is. */
export const ColumnsMenu = memo(function ColumnsMenu({ columns, onChange }: Props) {
  return (
    <Menu
      checkedValues={{ columns: [...columns] }}
      onCheckedValueChange={(_event, data) => onChange(normalizeColumns(data.checkedItems))}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<ColumnTriple20Regular />}>Columns</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>Columns shown</MenuGroupHeader>
            {ALL_COLUMNS.map((column) => (
              <MenuItemCheckbox
                key={column}
                name="columns"
                value={column}
                disabled={column === 'samAccountName'}
                persistOnClick
              >
                {COLUMN_LABELS[column]}
              </MenuItemCheckbox>
            ))}
          </MenuGroup>
          <MenuDivider />
          <MenuItem onClick={() => onChange([...DEFAULT_COLUMNS])}>Default columns</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
});

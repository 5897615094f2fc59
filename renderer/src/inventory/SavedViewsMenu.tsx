import { memo } from 'react';
import {
  Button,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { Bookmark20Regular, Delete20Regular, Save20Regular } from '@fluentui/react-icons';
import type { SavedView } from './inventory-types';

interface Props {
  views: readonly SavedView[];
  /** The view applied last, if any. */
  active: SavedView | undefined;
  /** The filters, order or columns differ from the active view's. */
  changed: boolean;
  onApply: (view: SavedView) => void;
  onSave: () => void;
  onDelete: (view: SavedView) => void;
}

/** Saved views: apply one, save the view in force, delete the active one. */
export const SavedViewsMenu = memo(function SavedViewsMenu({
  views,
  active,
  changed,
  onApply,
  onSave,
  onDelete,
}: Props) {
  const label = active === undefined ? 'Views' : `View: ${active.name}${changed ? ' (changed)' : ''}`;
  return (
    <Menu
      checkedValues={{ view: active === undefined ? [] : [active.id] }}
      onCheckedValueChange={(_event, data) => {
        const view = views.find((candidate) => candidate.id === data.checkedItems[0]);
        if (view !== undefined) onApply(view);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<Bookmark20Regular />}>{label}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>Saved views</MenuGroupHeader>
            {views.length === 0 && <MenuItem disabled>No saved view yet</MenuItem>}
            {views.map((view) => (
              <MenuItemRadio key={view.id} name="view" value={view.id}>
                {view.name}
              </MenuItemRadio>
            ))}
          </MenuGroup>
          <MenuDivider />
          <MenuItem icon={<Save20Regular />} onClick={onSave}>
            Save view…
          </MenuItem>
          {active !== undefined && (
            <MenuItem icon={<Delete20Regular />} onClick={() => onDelete(active)}>
              {`Delete view “${active.name}”…`}
            </MenuItem>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
});

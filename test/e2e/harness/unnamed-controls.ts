import type { Locator } from '@playwright/test';

const controlRoles = [
  'button',
  'link',
  'textbox',
  'spinbutton',
  'checkbox',
  'radio',
  'combobox',
  'switch',
  'slider',
  'tab',
];

/**
 * Controls without an accessible name, read from the accessibility tree
 * (what a screen reader gets), as their aria-snapshot lines.
 */
export async function unnamedControls(scope: Locator): Promise<string[]> {
  const snapshot = await scope.ariaSnapshot();
  const unnamed = new RegExp(`^\\s*- (${controlRoles.join('|')})(\\s*\\[[^\\]]*\\])*\\s*(:.*)?$`);
  return snapshot.split('\n').filter((line) => unnamed.test(line));
}

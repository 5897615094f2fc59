import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { useResolvedTheme, type ThemeChoice } from './use-resolved-theme';

// The provider is the window's background in both themes, however long the page. The filling is done by a div
// inside it: Fluent gives the provider's own class to every portal (menus, lists), which would then cover the window.
const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
});

interface Props {
  choice: ThemeChoice;
  children: ReactNode;
}

/** Fluent's Windows look, light or dark, filling the whole window. */
export function WardenThemeProvider({ choice, children }: Props) {
  const styles = useStyles();
  const resolved = useResolvedTheme(choice);

  useEffect(() => {
    // Native scrollbars and form controls follow the drawn theme, not only the OS.
    document.documentElement.style.colorScheme = resolved;
    document.documentElement.dataset['theme'] = resolved;
  }, [resolved]);

  return (
    <FluentProvider theme={resolved === 'dark' ? webDarkTheme : webLightTheme} data-theme={resolved}>
      <div className={styles.root}>{children}</div>
    </FluentProvider>
  );
}

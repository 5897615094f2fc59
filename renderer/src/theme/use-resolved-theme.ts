import { useEffect, useState } from 'react';
import type { Settings } from '../api/contract-types';

export type ThemeChoice = Settings['theme'];
export type ResolvedTheme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';

/** The theme to draw: the user's choice, or the OS colour scheme when they chose "system". */
export function useResolvedTheme(choice: ThemeChoice): ResolvedTheme {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(darkQuery).matches);

  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const update = (): void => setSystemDark(media.matches);
    media.addEventListener('change', update);
    update();
    return () => media.removeEventListener('change', update);
  }, []);

  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

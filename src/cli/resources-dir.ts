import { fileURLToPath } from 'node:url';

/** The app's bundled resources (icons, the demo domain), beside src/ in the installed package. */
export const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));

export function electronBindingPath(projectRoot: string, electronVersion: string): string;

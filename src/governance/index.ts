export * from './kill-switch';
export * from './audit-log';

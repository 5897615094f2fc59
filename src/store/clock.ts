/** Injected so tests and replays control what time the store records. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

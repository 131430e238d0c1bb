/** The only way server code learns the time: injected, so tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

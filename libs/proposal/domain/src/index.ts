export * from './errors';
export * from './model';
export * from './commands';
export * from './events';
export * from './decider';
export * from './replies';
export * from './disclosure';
export * from './effects';

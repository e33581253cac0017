export * from './bootstrap';
export * from './correlation';
export * from './downsample';
export * from './pass-at-k';
export * from './random';
export * from './ratio';
export * from './reward-category';

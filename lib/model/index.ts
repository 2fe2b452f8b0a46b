export * from './page';
export * from './records';
export * from './playbook';
export * from './insight';
export * from './identity';

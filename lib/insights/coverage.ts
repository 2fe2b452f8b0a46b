export { classifyTitle } from './titles/classify';

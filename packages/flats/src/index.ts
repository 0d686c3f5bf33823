export { angularDistance, withinTolerance } from './angular-distance.js';

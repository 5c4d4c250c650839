export { parseArgs, numberArg } from '../../fuzz/dist/options.js';

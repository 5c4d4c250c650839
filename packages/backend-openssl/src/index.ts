export { OpenSslBackend } from './OpenSslBackend.js';
export { liveObjects } from './native.js';

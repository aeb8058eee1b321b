/**
 * The engine's largest buffer, shared with every package through @sciport/array-api/kit
 * (one probe, one testing override).
 */
export { maxBufferBytes, setMaxBufferBytesForTesting } from '@sciport/array-api/kit';

import { SciportError } from '@sciport/dispatch-core';

/** Something went wrong in the cluster machinery (not in the user's numbers). */
export class ClusterError extends SciportError {
  override name = 'ClusterError';
}

/** The cluster's engine (Redis) cannot be reached, or the connection was lost for good. */
export class ClusterUnavailableError extends ClusterError {
  override name = 'ClusterUnavailableError';
}

/** A chunk task was lost with its worker more times than allowed (a crash loop). */
export class WorkerLostError extends ClusterError {
  override name = 'WorkerLostError';
}

/** The cluster was closed while work was still pending on it. */
export class ClusterClosedError extends ClusterError {
  override name = 'ClusterClosedError';
}

/**
 * A chunk task threw on a worker with an error that is not one of sciport's typed errors.
 * `remoteName` and `remoteStack` keep what the worker reported.
 */
export class RemoteTaskError extends ClusterError {
  override name = 'RemoteTaskError';
  remoteName = 'Error';
  remoteStack: string | undefined;
}

import { packedMap } from '@sciport/array-api';
import { getDispatchState } from '@sciport/dispatch-core';
import { ClusterClosedError, ClusterError, WorkerLostError } from '../errors.js';
import { allocateChunk, type ChunkData, chunkFromBytes, isSharedBuffer, toWire } from '../protocol/chunk-data.js';
import { type PoolChunk, SharedPool } from './shared-pool.js';
import type { HostToWorker, TaskSpec, WorkerToHost } from '../protocol/messages.js';
import { deserializeError } from '../protocol/wire-error.js';
import { portableState } from './portable-state.js';
import type { ChunkRef, Executor } from './executor.js';

/** The host's handle on one worker (a worker thread or a Web Worker). */
export interface WorkerPort {
  postMessage(message: HostToWorker, transfer?: Transferable[]): void;
  terminate(): Promise<unknown> | undefined;
  /** Let the process exit while this worker idles (Node); optional. */
  setBusy?(busy: boolean): void;
}

export interface WorkerEvents {
  message(message: WorkerToHost): void;
  /** The worker died (uncaught error, process.exit, killed). */
  exit(reason: string): void;
}

/** Starts workers on one platform. */
export interface WorkerSpawner {
  readonly sharedMemory: boolean;
  spawn(events: WorkerEvents): WorkerPort;
}

export interface PortExecutorOptions {
  readonly workers: number;
  /** Module specifiers each worker imports before taking tasks (they register tasks/multimethods). */
  readonly modules: readonly string[];
  /** How many times a task may be lost with a crashing worker before it fails. Default 3. */
  readonly maxAttempts?: number;
}

/** A chunk in the host's memory (shared with the workers when SharedArrayBuffer exists). */
export class LocalChunk implements ChunkRef {
  /**
   * V8 does not count SharedArrayBuffer memory when it decides to collect garbage, so dead
   * chunks the program never released would pile up (hundreds of MB per fft2 of a large
   * array). An untouched ArrayBuffer of the same size makes the collector see the weight of
   * chunks in newly allocated memory; it costs address space, not memory (the kernel maps
   * zero pages lazily). Chunks in recycled memory carry none: memory is not growing then, and
   * every collection costs the main thread time the workers could use.
   */
  readonly weight: ArrayBufferLike | undefined;

  /**
   * @param pooled the memory came from the executor's pool and goes back there on release
   * @param fresh the memory was newly allocated (the chunk carries a weight)
   */
  constructor(
    readonly chunk: ChunkData,
    readonly pooled = false,
    fresh = true,
  ) {
    this.weight = fresh && isSharedBuffer(chunk.data.buffer) ? gcWeight(chunk.data.byteLength) : undefined;
  }
  /** A chunk in memory from the executor's pool. */
  static fromPool({ chunk, fresh }: PoolChunk): LocalChunk {
    return new LocalChunk(chunk, true, fresh);
  }
  get dtype(): string {
    return this.chunk.dtype;
  }
  get shape(): readonly number[] {
    return this.chunk.shape;
  }
}

type UnsafeAlloc = { allocUnsafeSlow(size: number): { buffer: ArrayBufferLike } };

/**
 * Memory the garbage collector counts but nobody touches. In Node, Buffer.allocUnsafeSlow
 * skips zero-filling (a zeroed `new ArrayBuffer` of a few MB can be memset by the allocator,
 * which costs as much as the chunk itself); browsers get a plain ArrayBuffer.
 */
function gcWeight(bytes: number): ArrayBufferLike {
  const NodeBuffer = (globalThis as { Buffer?: UnsafeAlloc }).Buffer;
  return NodeBuffer !== undefined ? NodeBuffer.allocUnsafeSlow(bytes).buffer : new ArrayBuffer(bytes);
}

/**
 * Tasks a worker may hold at once: one running, the rest waiting in its message queue. With
 * every core busy with a worker, this thread is woken late (the scheduler let it wait up to
 * 4 ms, measured with perf sched); the queued tasks keep the workers busy meanwhile. Depth 4
 * against 2: fft batch on 2 workers 28.8 ms against 32.9 ms (median of 60 runs).
 */
const PIPELINE = 4;

interface Pending {
  readonly task: TaskSpec<ChunkRef>;
  /** Output chunks allocated here, in shared memory, for the worker to fill. */
  outputs: PoolChunk[];
  readonly resolve: (refs: ChunkRef[]) => void;
  readonly reject: (error: unknown) => void;
  attempts: number;
}

interface Slot {
  readonly port: WorkerPort;
  ready: boolean;
  dead: boolean;
  /** Tasks sent to this worker and not answered yet, by task id (at most PIPELINE). */
  readonly inFlight: Map<number, Pending>;
}

/**
 * A pool of workers behind message ports. One task per worker at a time, first come first
 * served; a worker that dies has its task put back at the head of the queue and is replaced,
 * so a crash costs time, never a result.
 */
export class PortExecutor implements Executor {
  readonly kind = 'local';
  readonly parallelism: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private readonly maxAttempts: number;
  private closed = false;
  private startupFailures = 0;
  private nextTaskId = 1;
  private readyWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  /** Shared memory of dead chunks, reused for new ones (up to 1 GiB kept). */
  readonly pool = new SharedPool(2 ** 30);
  /** Chunks handed out by allocate() and not put yet, so put() knows they are the pool's. */
  private readonly allocated = new WeakMap<object, LocalChunk>();

  constructor(
    private readonly spawner: WorkerSpawner,
    private readonly options: PortExecutorOptions,
  ) {
    this.parallelism = options.workers;
    this.maxAttempts = options.maxAttempts ?? 3;
    for (let i = 0; i < options.workers; i++) this.startWorker();
  }

  /** Resolves once every worker has loaded its modules; rejects if they cannot start. */
  ready(): Promise<void> {
    if (this.readyCount() === this.options.workers) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Workers currently alive (for tests and diagnostics). */
  get workerCount(): number {
    return this.slots.size;
  }

  private readyCount(): number {
    let n = 0;
    for (const s of this.slots) if (s.ready) n++;
    return n;
  }

  private startWorker(): void {
    const slot: Slot = { port: undefined as unknown as WorkerPort, ready: false, dead: false, inFlight: new Map() };
    const port = this.spawner.spawn({
      message: (message) => this.onMessage(slot, message),
      exit: (reason) => this.onExit(slot, reason),
    });
    (slot as { port: WorkerPort }).port = port;
    this.slots.add(slot);
    port.setBusy?.(true);
    port.postMessage({ type: 'init', modules: this.options.modules, sharedMemory: this.spawner.sharedMemory });
  }

  put(chunk: ChunkData): ChunkRef {
    if (!this.spawner.sharedMemory || isSharedBuffer(chunk.data.buffer)) {
      // The caller's own memory (put by allocate() below, or its own shared buffer): kept as is.
      return this.allocated.get(chunk.data) ?? new LocalChunk(chunk);
    }
    const taken = this.pool.take(chunk.dtype, chunk.shape);
    (taken.chunk.data as any).set(chunk.data);
    return LocalChunk.fromPool(taken);
  }

  /** Writable memory for a chunk about to be put (shared and recycled when possible). */
  allocate(dtype: string, shape: readonly number[]): ChunkData {
    if (!this.spawner.sharedMemory) return allocateChunk(dtype, shape, false);
    const taken = this.pool.take(dtype, shape);
    this.allocated.set(taken.chunk.data, LocalChunk.fromPool(taken));
    return taken.chunk;
  }

  async get(ref: ChunkRef): Promise<ChunkData> {
    return (ref as LocalChunk).chunk;
  }

  /** The block holding `ref` was released: its pooled memory is reused at once. */
  release(ref: ChunkRef): void {
    const local = ref as LocalChunk;
    if (local.pooled) this.pool.recycle(local.chunk);
  }

  run(task: TaskSpec<ChunkRef>): Promise<ChunkRef[]> {
    if (this.closed) return Promise.reject(new ClusterClosedError('This cluster is closed; create a new one.'));
    for (const input of task.inputs) {
      if (!(input instanceof LocalChunk)) {
        return Promise.reject(new ClusterError('A chunk from another cluster was passed to a local cluster task.', { argument: 'inputs' }));
      }
    }
    const withState = task.state === undefined ? { ...task, state: portableState(getDispatchState()) } : task;
    return new Promise((resolve, reject) => {
      this.queue.push({ task: withState, resolve, reject, attempts: 0, outputs: [] });
      this.pump();
    });
  }

  /**
   * Give each idle worker a task, then queue more with each worker so it starts its next task
   * the moment it finishes one instead of waiting for the round trip through this thread. The
   * k-th queued task per worker is only handed out while more than k rounds of tasks remain:
   * near the end of the queue tasks wait here, for whichever worker finishes first, rather
   * than behind a long task on a busy worker.
   */
  private pump(): void {
    for (let depth = 1; depth <= PIPELINE; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (!slot.ready || slot.dead || slot.inFlight.size >= depth) continue;
        if (depth > 1 && this.queue.length <= (depth - 1) * this.slots.size) return;
        this.assign(slot, this.queue.shift()!);
      }
    }
  }

  private assign(slot: Slot, pending: Pending): void {
    const id = this.nextTaskId++;
    slot.inFlight.set(id, pending);
    pending.attempts++;
    const { task } = pending;
    const inputs = packedMap(task.inputs, (ref) => toWire((ref as LocalChunk).chunk));
    if (this.spawner.sharedMemory && task.outputs !== undefined && pending.outputs.length === 0) {
      pending.outputs = packedMap(task.outputs, (o) => this.pool.take(o.dtype, o.shape));
    }
    slot.port.setBusy?.(true);
    // Shared buffers are shared, not copied; plain ones are structured-cloned (the host keeps
    // its copy, so they are not transferred).
    slot.port.postMessage({
      type: 'task',
      id,
      fn: task.fn,
      inputs,
      params: task.params,
      state: task.state,
      outputs: packedMap(pending.outputs, (o) => toWire(o.chunk)),
    });
  }

  private onMessage(slot: Slot, message: WorkerToHost): void {
    switch (message.type) {
      case 'ready': {
        slot.ready = true;
        this.startupFailures = 0;
        slot.port.setBusy?.(false);
        if (this.readyCount() === this.options.workers) {
          for (const w of this.readyWaiters.splice(0)) w.resolve();
        }
        this.pump();
        return;
      }
      case 'fatal': {
        const error = deserializeError(message.error, 'init');
        this.failEverything(new ClusterError(`A worker could not start: ${error.message}`, { cause: error, hint: 'Check the modules passed to cluster.local({ modules }).' }));
        return;
      }
      case 'done':
      case 'error': {
        const pending = slot.inFlight.get(message.id);
        if (pending === undefined) return;
        slot.inFlight.delete(message.id);
        if (slot.inFlight.size === 0) slot.port.setBusy?.(false);
        if (message.type === 'done') {
          pending.resolve(
            packedMap(message.outputs, (w) =>
              typeof w === 'number' ? LocalChunk.fromPool(pending.outputs[w]) : new LocalChunk(chunkFromBytes(w.dtype, w.shape, w.buffer, w.byteOffset)),
            ),
          );
        } else {
          pending.reject(deserializeError(message.error, pending.task.fn));
        }
        this.pump();
        return;
      }
    }
  }

  private onExit(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot);
    if (this.closed) return;
    // Put the worker's tasks back at the head of the queue, in their original order. Only the
    // oldest was running (a worker runs its tasks in order); the others did not cost an attempt.
    const lost = [...slot.inFlight.values()];
    slot.inFlight.clear();
    for (const waiting of lost.slice(1)) waiting.attempts--;
    for (const pending of lost.reverse()) {
      if (pending.attempts >= this.maxAttempts) {
        pending.reject(
          new WorkerLostError(`Chunk task '${pending.task.fn}' was lost with its worker ${pending.attempts} times (${reason}).`, {
            hint: 'The task itself crashes its worker; check the inputs or the task code.',
          }),
        );
      } else {
        this.queue.unshift(pending);
      }
    }
    if (!slot.ready && ++this.startupFailures >= 3) {
      this.failEverything(new ClusterError(`Workers keep dying during startup (${reason}).`));
      return;
    }
    this.startWorker();
    this.pump();
  }

  private failEverything(error: Error): void {
    for (const w of this.readyWaiters.splice(0)) w.reject(error);
    for (const p of this.queue.splice(0)) p.reject(error);
    void this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new ClusterClosedError('The cluster was closed before this task finished.');
    for (const p of this.queue.splice(0)) p.reject(error);
    const terminations: Promise<unknown>[] = [];
    for (const slot of this.slots) {
      for (const pending of slot.inFlight.values()) pending.reject(error);
      slot.inFlight.clear();
      slot.dead = true;
      terminations.push(Promise.resolve(slot.port.terminate()));
    }
    this.slots.clear();
    this.pool.clear();
    for (const w of this.readyWaiters.splice(0)) w.reject(error);
    await Promise.all(terminations);
  }
}

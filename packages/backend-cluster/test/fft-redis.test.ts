/**
 * The shared sciport.fft suite on chunked arrays whose blocks live in Redis and run on
 * three `sciport-worker` processes (a real redis-server on loopback).
 */
import { fftSuite } from '@sciport/conformance/node';
import { chunkedFactory } from './helpers/factory.js';
import { redisClusterForSuite } from './helpers/redis-suite.js';

const redisCluster = redisClusterForSuite();

fftSuite(chunkedFactory('chunked (Redis, 2 sciport-worker processes)', redisCluster));

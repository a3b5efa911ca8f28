/*
 * pthread_attr.h - where the overlay's pthread attributes keep their
 * values inside musl's types (pthread_attr.c sets and reads them;
 * pthread.c reads a mutex's type). Zero is no attribute's valid state:
 * each *_init writes its defaults.
 *
 *   pthread_attr_t       __u.__i[ATTR_*]
 *   pthread_mutexattr_t  __attr: bits 0-1 type (PTHREAD_MUTEX_*), bit 2
 *                        process-shared, bits 3-4 protocol
 *                        (PTHREAD_PRIO_*), bit 5 robust
 *   pthread_condattr_t   __attr: bit 0 clock (1: CLOCK_MONOTONIC), bit 1
 *                        process-shared
 *   pthread_rwlockattr_t __attr[0]: process-shared
 *   pthread_barrierattr_t __attr: process-shared
 */
#ifndef WASI_VFS_PTHREAD_ATTR_H
#define WASI_VFS_PTHREAD_ATTR_H

#define MUTEXATTR_TYPE_MASK 3u
#define MUTEXATTR_TYPE(a) ((a)->__attr & MUTEXATTR_TYPE_MASK)

#endif

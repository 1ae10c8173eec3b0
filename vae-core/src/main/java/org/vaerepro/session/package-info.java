/**
 * <b>API, the front door.</b> What a front end (the Maven goals, a test, a script) calls: build a
 * {@link org.vaerepro.session.SessionSettings} (with a {@link org.vaerepro.session.Parallelism} and, for
 * several workers, a {@link org.vaerepro.session.WorkerLaunch}) and call a step of
 * {@link org.vaerepro.session.SuiteSession} (train, evaluate, report, reproduce, record a baseline).
 * {@link org.vaerepro.session.RunWorker} is the main class of a worker JVM; the pool that drives them
 * ({@code WorkerPool}, {@code WorkerProcess}, {@code RunCost}, {@code PoolProgress}) is internal.
 * The top layer: it uses {@code experiment}, {@code report} and {@code regression}; nothing in vae-core uses it.
 */
package org.vaerepro.session;

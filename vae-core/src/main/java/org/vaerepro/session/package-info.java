/**
 * <b>API, the front door.</b> What a front end (the Maven goals, a test, a script, the Spark job) calls: build a
 * {@link org.vaerepro.session.SessionSettings} from its values of the declared settings
 * ({@link org.vaerepro.session.RawSettings}, {@code SessionSettings.from}; with a
 * {@link org.vaerepro.session.Parallelism} and, for several workers, a {@link org.vaerepro.session.WorkerLaunch}) and
 * call a step of
 * {@link org.vaerepro.session.SuiteSession} (train, evaluate, report, reproduce, judge, check or record a baseline,
 * publish to a site; compare with another suite's results, with a peer's curves, study the stopping rule, export
 * runs for scripts); failed runs come back as {@link org.vaerepro.session.RunFailure}s in their
 * {@link org.vaerepro.session.RunPhase}. {@link org.vaerepro.session.RunWorker} is the main class of a worker JVM.
 * Internal: {@code SuiteRunner} (a phase over runs in this process) and the pool that drives worker JVMs
 * ({@code WorkerPool} and its {@code RetryPolicy}, {@code WorkerProcess}, {@code RunCost}, {@code PoolProgress}).
 * Internal too: {@code SettingValues} (raw text read as each setting's kind).
 * The top layer: it uses {@code experiment}, {@code report} and {@code regression}; nothing in vae-core but the
 * benchmarks uses it.
 */
package org.vaerepro.session;

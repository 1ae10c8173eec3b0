/**
 * <b>API, the front door.</b> What a front end (the Maven goals, a test, a script) calls: build a
 * {@link org.vaerepro.session.SessionSettings} and call a step of {@link org.vaerepro.session.SuiteSession}
 * (train, evaluate, report, reproduce, record a baseline). The top layer: it uses {@code experiment},
 * {@code report} and {@code regression}; nothing in vae-core uses it.
 */
package org.vaerepro.session;

/**
 * <b>API.</b> A suite on an Apache Spark cluster: {@link org.vaerepro.spark.SparkSuiteJob} is the main class
 * for {@code spark-submit}; {@link org.vaerepro.spark.SuiteOnSpark} is the same job for a program that has
 * its own {@code JavaSparkContext}. Each run of the suite is one task that trains and evaluates into a
 * shared output folder; the driver renders the page and checks the baseline. {@code RunTask} is internal.
 */
package org.vaerepro.spark;

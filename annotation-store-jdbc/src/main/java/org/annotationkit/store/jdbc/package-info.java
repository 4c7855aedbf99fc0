/**
 * The labeling workflow's store on PostgreSQL 14 or newer, shared by many processes.
 *
 * <p>{@link org.annotationkit.store.jdbc.JdbcStore} implements core's store SPI over a {@code
 * DataSource} (the application's own pool) or a JDBC URL. It creates and migrates its tables
 * itself, runs every decision in one transaction with row locks (assignment skips locked rows, so
 * concurrent {@code next} calls never wait for each other or hand out one slot twice), retries
 * conflicts a bounded number of times, and reports an unreachable server as a {@link
 * org.annotationkit.store.jdbc.StoreUnavailableException}. {@code docs/store-jdbc.md} describes the
 * schema, the isolation and the retry rules.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.store.jdbc;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

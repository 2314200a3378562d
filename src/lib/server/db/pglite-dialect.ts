/*
 * Kysely's PGlite dialect, vendored from kysely 0.29.9 (npm package `kysely`, files
 * dist/dialect/pglite/pglite-{adapter,dialect,driver}.js; source src/dialect/pglite/ of the
 * kysely-org/kysely repository), ported to TypeScript against kysely 0.28's public exports.
 *
 * Why vendored: kysely 0.29 is the first release with PGliteDialect, and it requires Node >= 22;
 * this project runs on Node 20, so it stays on kysely 0.28 (Node >= 20). The one maintained
 * package offering the dialect for 0.28 (kysely-pglite-dialect) declares PGlite <= 0.4 as its peer,
 * and we run PGlite 0.5. Drop this file for `import { PGliteDialect } from 'kysely'` once the
 * project moves to Node 22 and kysely >= 0.29.
 *
 * Changes from the original: 0.29's abort signals (`init(options)`, `waitOrAbort`) are gone, as
 * 0.28's Driver has no options; the one connection is handed out under a mutex here in the driver
 * (0.29's RuntimeDriver does that for any adapter with `supportsMultipleConnections === false`, a
 * property 0.28 does not know; 0.28's own SqliteDriver does it the same way), so two requests'
 * queries never interleave inside one's transaction; its internal helpers (Deferred, freeze, extendStackTrace,
 * parseSavepointCommand) are inlined; AbortedTransactionError takes its cause after construction
 * (0.28's constructor has no options); the config takes PGlite's own type.
 *
 * The MIT License (MIT)
 *
 * Copyright (c) 2022 Sami Koskimäki
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 * SOFTWARE.
 */
import {
	AbortedTransactionError,
	IdentifierNode,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	RawNode,
	createQueryId,
	type CompiledQuery,
	type DatabaseConnection,
	type DatabaseIntrospector,
	type Dialect,
	type DialectAdapter,
	type Driver,
	type Kysely,
	type QueryCompiler,
	type QueryResult
} from 'kysely';
import type { PGlite, Transaction } from '@electric-sql/pglite';

export interface PGliteDialectConfig {
	/** Called once with the connection after the driver has initialised it. */
	onCreateConnection?: (connection: DatabaseConnection) => Promise<void>;
	/** A PGlite instance, or a function that makes one when the dialect is first used. */
	pglite: PGlite | (() => PGlite | Promise<PGlite>);
}

export class PGliteAdapter extends PostgresAdapter {
	get supportsMultipleConnections(): boolean {
		return false;
	}

	override async acquireMigrationLock(): Promise<void> {
		// PGlite only has one connection that's reserved by the migration system
		// for the whole time between acquireMigrationLock and releaseMigrationLock.
		// We don't need to do anything here.
	}

	override async releaseMigrationLock(): Promise<void> {
		// As above.
	}
}

export class PGliteDialect implements Dialect {
	readonly #config: PGliteDialectConfig;

	constructor(config: PGliteDialectConfig) {
		this.#config = config;
	}

	createAdapter(): DialectAdapter {
		return new PGliteAdapter();
	}

	createDriver(): Driver {
		return new PGliteDriver(this.#config);
	}

	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Dialect's own signature
	createIntrospector(db: Kysely<any>): DatabaseIntrospector {
		return new PostgresIntrospector(db);
	}

	createQueryCompiler(): QueryCompiler {
		return new PostgresQueryCompiler();
	}
}

type CompileQuery = QueryCompiler['compileQuery'];

function savepointCommand(command: string, savepointName: string): RawNode {
	return RawNode.createWithChildren([
		RawNode.createWithSql(`${command} `),
		IdentifierNode.create(savepointName) // ensures savepointName gets sanitized
	]);
}

export class PGliteDriver implements Driver {
	readonly #config: PGliteDialectConfig;
	#connection: PGliteConnection | undefined;
	#pglite: PGlite | undefined;
	readonly #connectionMutex = new ConnectionMutex();

	constructor(config: PGliteDialectConfig) {
		this.#config = Object.freeze({ ...config });
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		// PGlite has one connection: wait until whoever holds it has released it.
		await this.#connectionMutex.obtainLock();
		return this.#connection!;
	}

	async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await (connection as PGliteConnection).beginTransaction();
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		await (connection as PGliteConnection).commitTransaction();
	}

	async destroy(): Promise<void> {
		if (!this.#pglite?.closed) {
			await this.#pglite?.close();
		}
	}

	async init(): Promise<void> {
		const { pglite } = this.#config;
		this.#pglite ??= typeof pglite === 'function' ? await pglite() : pglite;
		if (this.#pglite.closed) {
			throw new Error('PGlite instance is already closed.');
		}
		if (!this.#pglite.ready) {
			await this.#pglite.waitReady;
		}
		this.#connection = new PGliteConnection(this.#pglite);
		if (this.#config.onCreateConnection) {
			await this.#config.onCreateConnection(this.#connection);
		}
	}

	async releaseConnection(): Promise<void> {
		this.#connectionMutex.releaseLock();
	}

	async releaseSavepoint(
		connection: DatabaseConnection,
		savepointName: string,
		compileQuery: CompileQuery
	): Promise<void> {
		await connection.executeQuery(
			compileQuery(savepointCommand('release', savepointName), createQueryId())
		);
	}

	async rollbackToSavepoint(
		connection: DatabaseConnection,
		savepointName: string,
		compileQuery: CompileQuery
	): Promise<void> {
		await connection.executeQuery(
			compileQuery(savepointCommand('rollback to', savepointName), createQueryId())
		);
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		await (connection as PGliteConnection).rollbackTransaction();
	}

	async savepoint(
		connection: DatabaseConnection,
		savepointName: string,
		compileQuery: CompileQuery
	): Promise<void> {
		await connection.executeQuery(
			compileQuery(savepointCommand('savepoint', savepointName), createQueryId())
		);
	}
}

class PGliteConnection implements DatabaseConnection {
	readonly #pglite: PGlite;
	#commitTransaction: (() => void) | undefined;
	#rollbackTransaction: ((reason?: unknown) => void) | undefined;
	#transaction: Transaction | undefined;
	#transactionClosedPromise: Promise<void> | undefined;

	constructor(pglite: PGlite) {
		this.#pglite = pglite;
	}

	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		try {
			const { affectedRows, rows } = await (this.#transaction ?? this.#pglite).query<R>(
				compiledQuery.sql,
				compiledQuery.parameters as unknown[],
				{ rowMode: 'object' }
			);
			return {
				numAffectedRows: affectedRows != null ? BigInt(affectedRows) : undefined,
				rows: rows ?? []
			};
		} catch (error) {
			throw extendStackTrace(error, new Error());
		}
	}

	// eslint-disable-next-line require-yield -- the interface wants a generator; PGlite cannot stream
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('Streaming is not supported by PGlite.');
	}

	async beginTransaction(): Promise<void> {
		const { promise: waitForCommit, resolve: commit, reject: rollback } = deferred<void>();
		const { promise: waitForBegin, resolve: hasBegun } = deferred<void>();
		this.#commitTransaction = commit;
		this.#rollbackTransaction = rollback;
		// we want to use PGlite's exclusive transaction mode, to lock the instance,
		// in case this dialect is not the only one using it.
		this.#transactionClosedPromise = this.#pglite.transaction(async (tx) => {
			this.#transaction = tx;
			hasBegun();
			await waitForCommit;
		});
		await waitForBegin;
	}

	async commitTransaction(): Promise<void> {
		this.#commitTransaction?.();
		try {
			await this.#transactionClosedPromise;
		} catch (error) {
			// PGlite's "in failed SQL transaction" (25P02): the transaction was rolled back instead.
			if (
				typeof error === 'object' &&
				error !== null &&
				'code' in error &&
				error.code === '25P02'
			) {
				const aborted = new AbortedTransactionError();
				Object.defineProperty(aborted, 'cause', { value: error, configurable: true });
				throw aborted;
			}
			throw error;
		} finally {
			this.#reset();
		}
	}

	async rollbackTransaction(): Promise<void> {
		this.#rollbackTransaction?.();
		await this.#transactionClosedPromise?.catch(() => {});
		this.#reset();
	}

	#reset(): void {
		this.#commitTransaction = undefined;
		this.#rollbackTransaction = undefined;
		this.#transaction = undefined;
		this.#transactionClosedPromise = undefined;
	}
}

/** Only one holder of the connection at a time (kysely 0.29's driver/connection-mutex.js). */
class ConnectionMutex {
	#promise: Promise<void> | undefined;
	#resolve: (() => void) | undefined;

	async obtainLock(): Promise<void> {
		while (this.#promise) {
			await this.#promise;
		}
		this.#promise = new Promise((resolve) => {
			this.#resolve = resolve;
		});
	}

	releaseLock(): void {
		const resolve = this.#resolve;
		this.#promise = undefined;
		this.#resolve = undefined;
		resolve?.();
	}
}

/** A promise with its settle functions; each settles it at most once. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (reason?: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

function extendStackTrace(error: unknown, stackError: Error): unknown {
	if (
		typeof error === 'object' &&
		error !== null &&
		'stack' in error &&
		typeof error.stack === 'string' &&
		stackError.stack
	) {
		// Remove the first line that just says `Error`.
		error.stack += `\n${stackError.stack.split('\n').slice(1).join('\n')}`;
	}
	return error;
}

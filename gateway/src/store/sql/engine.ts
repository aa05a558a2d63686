// The two engines the store runs on. SQLite is the embedded default (one file in DATA_DIR, one gateway
// process); PostgreSQL serves several gateway instances.
export type Engine = 'sqlite' | 'postgres';

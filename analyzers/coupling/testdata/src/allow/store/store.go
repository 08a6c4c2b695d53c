package store

// DB is the shared store.
type DB interface{ Get(key string) string }

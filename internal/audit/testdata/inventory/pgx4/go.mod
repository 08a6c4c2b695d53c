module example.com/pgx4

go 1.24

require (
	github.com/jackc/pgconn v1.14.3
	github.com/jackc/pgx/v4 v4.18.3
)

replace (
	github.com/jackc/pgconn => ./stubs/pgconn
	github.com/jackc/pgx/v4 => ./stubs/pgx
)

module github.com/jackc/pgx/v4

go 1.24

require github.com/jackc/pgconn v1.14.3

module example.com/store

go 1.24

require example.com/sqlwrap v0.0.0

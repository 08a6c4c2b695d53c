module example.com/databasesql

go 1.24

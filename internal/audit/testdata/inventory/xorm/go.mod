module example.com/xorm

go 1.24

require xorm.io/xorm v1.3.9

replace xorm.io/xorm => ./stubs/xorm

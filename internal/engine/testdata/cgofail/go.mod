module example.com/cgofail

go 1.24

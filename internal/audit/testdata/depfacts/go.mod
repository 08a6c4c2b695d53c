module example.com/depfacts

go 1.24

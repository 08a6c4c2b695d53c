module github.com/huandu/go-sqlbuilder

go 1.24

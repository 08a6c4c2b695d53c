package catalog

// Product is for sale.
type Product struct{ ID int64 }

// Catalog lists products.
type Catalog interface {
	Product(id int64) (Product, error)
}

// Searcher searches products.
type Searcher interface {
	Search(q string) ([]Product, error)
}

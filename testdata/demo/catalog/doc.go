// Package catalog owns the product catalogue: what the shop sells, at what
// price, and which products are featured on the home page.
//
// Other packages depend on the Catalog interface; Store is the PostgreSQL
// implementation wired up in cmd/shop.
package catalog

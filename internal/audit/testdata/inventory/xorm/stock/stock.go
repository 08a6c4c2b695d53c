// Package stock keeps the warehouse stock with xorm.
package stock

import (
	"time"

	"xorm.io/xorm"
)

// Warehouse maps to warehouse: xorm's default mapper does not pluralise.
type Warehouse struct {
	Id   int64
	Name string `xorm:"varchar(100) notnull"`
}

// StockItem maps to stock_item.
type StockItem struct {
	Id          int64
	WarehouseId int64  `xorm:"index"`
	Sku         string `xorm:"unique"`
	Qty         int
}

// Supplier names its table.
type Supplier struct {
	Id   int64
	Name string
}

// TableName maps Supplier to inv_suppliers.
func (Supplier) TableName() string { return "inv_suppliers" }

// StockMovement is one delivery or withdrawal.
type StockMovement struct {
	Id     int64
	ItemId int64
	Qty    int
	At     time.Time `xorm:"created"`
}

// TableName maps StockMovement to stock_movements.
func (StockMovement) TableName() string { return "stock_movements" }

// Store reads and writes stock.
type Store struct{ engine *xorm.Engine }

// Items lists every stock item.
func (s *Store) Items() ([]StockItem, error) {
	var items []StockItem
	err := s.engine.Find(&items)
	return items, err
}

// BySku returns one item.
func (s *Store) BySku(sku string) (StockItem, error) {
	var it StockItem
	_, err := s.engine.Where("sku = ?", sku).Get(&it)
	return it, err
}

// AddWarehouse adds a warehouse.
func (s *Store) AddWarehouse(w *Warehouse) error {
	_, err := s.engine.Insert(w)
	return err
}

// SetQty sets an item's quantity.
func (s *Store) SetQty(id int64, qty int) error {
	_, err := s.engine.ID(id).Cols("qty").Update(&StockItem{Qty: qty})
	return err
}

// Movements counts the stock movements since t.
func (s *Store) Movements(since time.Time) (int64, error) {
	return s.engine.Table("stock_movements").Where("at > ?", since).Count()
}

// Receive books a delivery in one session.
func (s *Store) Receive(item *StockItem, qty int) error {
	sess := s.engine.NewSession()
	defer sess.Close()
	if err := sess.Begin(); err != nil {
		return err
	}
	item.Qty += qty
	if _, err := sess.Where("id = ?", item.Id).Update(item); err != nil {
		_ = sess.Rollback()
		return err
	}
	if _, err := sess.Insert(&StockMovement{ItemId: item.Id, Qty: qty}); err != nil {
		_ = sess.Rollback()
		return err
	}
	return sess.Commit()
}

// Consume decrements an item's quantity with raw SQL.
func (s *Store) Consume(id int64, qty int) error {
	_, err := s.engine.Exec("UPDATE stock_item SET qty = qty - ? WHERE id = ?", qty, id)
	return err
}

// Suppliers lists suppliers with raw SQL: one query.
func (s *Store) Suppliers(name string) ([]Supplier, error) {
	var sups []Supplier
	err := s.engine.SQL("SELECT * FROM inv_suppliers WHERE name LIKE ?", name+"%").Find(&sups)
	return sups, err
}

// Discontinue deletes the items of a warehouse.
func (s *Store) Discontinue(warehouse int64) error {
	_, err := s.engine.Where("warehouse_id = ?", warehouse).Delete(&StockItem{})
	return err
}

// Setup synchronises the schema with the structs as the service starts.
func (s *Store) Setup() error {
	return s.engine.Sync(new(Warehouse), new(StockItem), new(Supplier))
}

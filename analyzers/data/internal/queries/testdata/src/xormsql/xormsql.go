// Package xormsql runs SQL through xorm: engine.SQL(q).Find(&rows) runs q,
// once; the model only receives the rows.
package xormsql

import "xorm.io/xorm"

type Supplier struct { // want Supplier:"table inv_suppliers"
	Id   int64
	Name string `xorm:"varchar(100)"`
}

func (Supplier) TableName() string { return "inv_suppliers" }

func List(e *xorm.Engine) {
	var sups []Supplier
	e.SQL("SELECT id, name FROM vendor_view WHERE name LIKE ?", "a%").Find(&sups) // one site: the SQL's vendor_view
	e.Find(&sups)                                                                 // the model's inv_suppliers
	e.Where("name = ?", "x").Find(&sups)                                          // the model's inv_suppliers
}

// Package xormrepo uses xorm.io/xorm.
package xormrepo

import "xorm.io/xorm"

type AccountEvent struct {
	ID      int64  `xorm:"pk autoincr 'id'"`
	Payload string `xorm:"json 'payload'"`
}

func Run(e *xorm.Engine) error {
	var evs []AccountEvent
	if err := e.Find(&evs); err != nil {
		return err
	}
	if err := e.Table("account_archive").Where("id > ?", 1).Find(&evs); err != nil {
		return err
	}
	if _, err := e.Exec("DELETE FROM account_event WHERE id < ?", 10); err != nil {
		return err
	}
	return e.Sync(new(AccountEvent))
}

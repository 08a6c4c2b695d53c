// Package xormextends queries projections of xorm models: structs that
// extend a model, tables named on a session held in a variable, and
// column names among xorm's tag keywords.
package xormextends

import "xorm.io/xorm"

type Label struct { // want Label:"table labels"
	ID    int64  `xorm:"pk autoincr"`
	Title string `xorm:"varchar(250) not null"`
}

func (Label) TableName() string { return "labels" }

type APIToken struct {
	ID          int64             `xorm:"pk autoincr"`
	Permissions map[string]string `xorm:"json not null permissions"`
	Kind        string            `xorm:"varchar(10) default 'personal' not null"`
	Expires     int64             `xorm:"'expires_unix' index"`
}

// labelWithTaskID extends Label: xorm maps it to Label's table.
type labelWithTaskID struct {
	TaskID int64
	Label  `xorm:"extends"`
}

func Labels(e *xorm.Engine, limit int) ([]*labelWithTaskID, error) {
	var out []*labelWithTaskID
	query := e.Table("labels").
		Join("LEFT", "label_tasks", "label_tasks.label_id = labels.id").
		Where("label_tasks.task_id > 0")
	if limit > 0 {
		query = query.Limit(limit)
	}
	err := query.Find(&out)
	return out, err
}

func Projections(e *xorm.Engine) error {
	var ls []*labelWithTaskID
	_, err := e.Where("id > 0").FindAndCount(&ls)
	return err
}
